// The packed .NET tool (the nupkg a user would install) answers initialize and tools/list when
// installed into an empty HOME and NuGet cache, through `dotnet tool install` and `dotnet dnx`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { repoRoot } from "./server.mjs";

const run = promisify(execFile);
const packageFolder = path.join(repoRoot, "artifacts", "package", "release");
let home;
let env;
let version;

before(() => {
  const nupkg = readdirSync(packageFolder).find((f) => /^HomemadeML\.Skill\.\d.*\.nupkg$/.test(f));
  assert.ok(nupkg, `no HomemadeML.Skill nupkg in ${packageFolder}; run 'dotnet pack -c Release' first`);
  version = nupkg.replace(/^HomemadeML\.Skill\./, "").replace(/\.nupkg$/, "");
  home = mkdtempSync(path.join(tmpdir(), "homemade-ml-home-"));
  // An empty HOME and NuGet cache, as on a learner's fresh machine; PATH keeps dotnet.
  env = { PATH: process.env.PATH, HOME: home, NUGET_PACKAGES: path.join(home, ".nuget", "packages"),
    DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1", DOTNET_CLI_HOME: home };
});

after(() => { if (home) rmSync(home, { recursive: true, force: true }); });

async function initializeAndList(command, args) {
  const client = new Client({ name: "e2e-installed-tool", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command, args, env, stderr: "ignore" }));
  try {
    assert.equal(client.getServerVersion()?.name, "homemade-ml");
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === "run_example"));
  } finally {
    await client.close();
  }
}

test("dotnet tool install puts a working homemade-ml on a tool path", async () => {
  const toolPath = path.join(home, "tools");
  await run("dotnet", ["tool", "install", "HomemadeML.Skill", "--version", version, "--tool-path", toolPath, "--source", packageFolder],
    { env, timeout: 300_000 });
  const command = path.join(toolPath, "homemade-ml");
  await initializeAndList(command, []);
  if (process.platform === "linux" && process.arch === "x64") {
    // On linux-x64 the command is the Native AOT executable itself: no dotnet host, no JIT at start-up.
    const binary = realpathSync(command);
    assert.match(binary, /linux-x64[\\/]HomemadeML\.Skill$/);
    assert.equal(readFileSync(binary).subarray(0, 4).toString("latin1"), "\x7fELF");
    assert.equal(existsSync(path.join(path.dirname(binary), "HomemadeML.Skill.dll")), false);
  }
});

test("dotnet dnx runs the package straight from the feed", async () => {
  await initializeAndList("dotnet", ["dnx", `HomemadeML.Skill@${version}`, "--yes", "--source", packageFolder]);
});
