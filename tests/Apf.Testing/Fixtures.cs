namespace Apf.Testing;

/// <summary>
/// Finds the recorded outputs kept beside the repository (<c>&lt;repo&gt;/../shared/fixtures</c>), walking
/// up from the test binaries, so tests run the same in a developer's worktree and in a CI clone.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The fixtures folder; throws with the folders searched when it is absent.</summary>
    public static string Directory =>
        Root.Value ?? throw new DirectoryNotFoundException(
            $"no shared/fixtures folder found above {AppContext.BaseDirectory}; the repository expects a copy of shared/ beside it");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures");
            // Only a folder with recordings counts: a repository may hold its own "shared" folder.
            if (System.IO.Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(candidate, "SOURCES.md")))
                return candidate;
        }
        return null;
    }
}
