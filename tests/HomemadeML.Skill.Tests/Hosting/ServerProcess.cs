using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HomemadeML.Skill.Tests.Hosting;

/// <summary>The built server (HomemadeML.Skill.dll, copied next to the tests) started as a real child process.</summary>
internal static class ServerProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "HomemadeML.Skill.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
