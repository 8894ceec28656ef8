namespace Apf.Plugins.Local.DirectoryQueue;

/// <summary>
/// The file names of the directory queue. A job is "&lt;id&gt;.job" in ready/, done/ and failed/, and
/// "&lt;id&gt;@&lt;pilot&gt;.job" in running/ (the claiming pilot is part of the name, so a rename is
/// the whole claim). An id that came back from a dead pilot carries its attempt: "&lt;base&gt;~&lt;n&gt;".
/// </summary>
internal static class JobName
{
    public const string Extension = ".job";

    public static bool IsJob(string fileName) =>
        fileName.EndsWith(Extension, StringComparison.Ordinal) && !fileName.StartsWith('.');

    public static string Ready(string id) => id + Extension;

    public static string Running(string id, string pilotId) => $"{id}@{pilotId}{Extension}";

    /// <summary>Splits "&lt;id&gt;@&lt;pilot&gt;.job"; false for names that are not claimed jobs.</summary>
    public static bool TryParseRunning(string fileName, out string id, out string pilotId)
    {
        id = pilotId = "";
        if (!IsJob(fileName)) return false;
        var stem = fileName[..^Extension.Length];
        var at = stem.LastIndexOf('@');
        if (at <= 0 || at == stem.Length - 1) return false;
        id = stem[..at];
        pilotId = stem[(at + 1)..];
        return true;
    }

    /// <summary>The attempt an id is on: 1 unless a dead pilot's recovery numbered it.</summary>
    public static int Attempt(string id, out string baseId)
    {
        baseId = id;
        var tilde = id.LastIndexOf('~');
        if (tilde <= 0 || !int.TryParse(id.AsSpan(tilde + 1), out var attempt) || attempt < 2) return 1;
        baseId = id[..tilde];
        return attempt;
    }

    public static string WithAttempt(string baseId, int attempt) => attempt <= 1 ? baseId : $"{baseId}~{attempt}";

    /// <summary>A pilot id usable inside job names (the wrapper applies the same alphabet).</summary>
    public static string SafePilotId(string pilotId)
    {
        var chars = pilotId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_').ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }
}
