namespace Apf.Core.Configuration;

/// <summary>One validation problem, naming the file, queue and key at fault.</summary>
public sealed record ConfigError(string Source, string? Queue, string? Key, string Message, int? Line = null)
{
    public override string ToString()
    {
        var where = Line is { } l ? $"{Source}:{l}" : Source;
        var queue = Queue is null ? "" : $" queue '{Queue}':";
        var key = Key is null ? "" : $" key '{Key}':";
        return $"{where}:{queue}{key} {Message}";
    }
}
