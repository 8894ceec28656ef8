namespace Apf.Plugins.Slurm.Tests.Support;

/// <summary>The recorded outputs in &lt;repo&gt;/../shared/fixtures/slurm, found by walking up from the test binaries.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "slurm");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/fixtures/slurm above {AppContext.BaseDirectory}");
    });

    public static string Path(string name) => System.IO.Path.Combine(Folder.Value, name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}
