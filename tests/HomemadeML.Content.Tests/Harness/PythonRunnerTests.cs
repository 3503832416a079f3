namespace HomemadeML.Content.Tests.Harness;

public sealed class PythonRunnerTests
{
    [Fact]
    public void DisallowedImports_NumpyAndJsonInAnyForm_AreAllowed()
    {
        const string Code = "import numpy as np\nimport json\nfrom numpy.linalg import inv\nimport numpy.linalg as la, json\n";

        Assert.Empty(PythonRunner.DisallowedImports(Code));
    }

    [Fact]
    public void DisallowedImports_OtherModules_AreReportedByTopLevelName()
    {
        const string Code = "import numpy as np\nimport os, sys\nfrom sklearn.cluster import KMeans\n    import scipy.stats  # nested\n";

        Assert.Equal(["os", "sys", "sklearn", "scipy"], PythonRunner.DisallowedImports(Code));
    }

    [Fact]
    public void Run_LastLineIsResult_ParsesItsJson()
    {
        var run = PythonRunner.Run("import json\nprint('working')\nprint('RESULT', json.dumps({'cost': 0.25, 'theta': [1, 2]}))\n");

        Assert.Equal(0.25, run.Number("cost"));
        Assert.Equal([1.0, 2.0], run.Numbers("theta"));
    }

    [Fact]
    public void Run_NoResultLine_FailsTheTest()
    {
        Assert.ThrowsAny<Exception>(() => PythonRunner.Run("print('no result here')\n"));
    }
}
