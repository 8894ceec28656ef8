namespace Apf.Distributed.Tests;

/// <summary>Where the build put the service executables (the test project references them, so they are built with it).</summary>
internal static class ServiceBinaries
{
    private static readonly Dictionary<string, string> Projects = new(StringComparer.Ordinal)
    {
        ["wmsstatus"] = "Apf.WmsStatus",
        ["batchstatus"] = "Apf.BatchStatus",
        ["scheduler"] = "Apf.Scheduler",
        ["submitter"] = "Apf.Submitter",
    };

    public static string Dll(string service)
    {
        // <repo>/tests/Apf.Distributed.Tests/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var repo = here;
        while (repo is not null && !Directory.Exists(Path.Combine(repo.FullName, "services"))) repo = repo.Parent;
        if (repo is null) throw new DirectoryNotFoundException($"no services/ folder above {AppContext.BaseDirectory}");
        var dll = Path.Combine(repo.FullName, "services", Projects[service], "bin", configuration, tfm, $"apf-{service}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"service {service} is not built", dll);
    }
}
