namespace Apf.Core.Configuration;

/// <summary>
/// An INI file as APF's Python ConfigParser reads it: <c>[section]</c> headers, <c>key = value</c> or
/// <c>key: value</c>, keys case-insensitive, full-line comments starting with <c>#</c> or <c>;</c>,
/// and indented lines continuing the previous value. Every entry keeps its line so errors can point at it.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Configuration.Ini is not used here: it keeps no line numbers, rejects
/// continuation lines (APF writes long <c>executable.arguments</c> that way), and reports a bad line
/// by throwing at the first one instead of listing every problem.
/// </remarks>
public sealed class IniDocument
{
    public const string DefaultSection = "DEFAULT";

    private readonly List<IniSection> _sections = [];

    public string Source { get; }
    public IReadOnlyList<IniSection> Sections => _sections;
    public IReadOnlyList<ConfigError> Errors { get; }

    private IniDocument(string source, List<ConfigError> errors)
    {
        Source = source;
        Errors = errors;
    }

    public IniSection? Find(string name) => _sections.FirstOrDefault(s => s.Name == name);

    public static IniDocument Parse(string text, string source)
    {
        var errors = new List<ConfigError>();
        var document = new IniDocument(source, errors);
        IniSection? section = null;
        IniEntry? last = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                // A blank line ends a multi-line value (ConfigParser of Python 2, which APF ran on).
                last = null;
                continue;
            }
            if (trimmed[0] is '#' or ';') continue;
            if (char.IsWhiteSpace(line[0]) && last is not null)
            {
                last.Append(trimmed);
                continue;
            }
            if (trimmed[0] == '[')
            {
                last = null;
                if (trimmed[^1] != ']' || trimmed.Length < 3)
                {
                    errors.Add(new ConfigError(source, null, null, $"bad section header '{trimmed}'", lineNumber));
                    section = null;
                    continue;
                }
                var name = trimmed[1..^1].Trim();
                if (document.Find(name) is not null)
                {
                    errors.Add(new ConfigError(source, name, null, $"section [{name}] appears twice", lineNumber));
                    section = null;
                    continue;
                }
                section = new IniSection(name, lineNumber);
                document._sections.Add(section);
                continue;
            }
            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                errors.Add(new ConfigError(source, section?.Name, null, $"expected 'key = value', got '{trimmed}'", lineNumber));
                last = null;
                continue;
            }
            var key = trimmed[..separator].Trim();
            var value = trimmed[(separator + 1)..].Trim();
            if (section is null)
            {
                errors.Add(new ConfigError(source, null, key, "key outside any [section]", lineNumber));
                last = null;
                continue;
            }
            if (section.Find(key) is not null)
            {
                errors.Add(new ConfigError(source, section.Name, key, $"set twice in section [{section.Name}]", lineNumber));
                last = null;
                continue;
            }
            last = new IniEntry(key, value, lineNumber);
            section.Add(last);
        }
        return document;
    }
}

/// <summary>One <c>[section]</c> of an INI file, its entries in file order.</summary>
public sealed class IniSection(string name, int line)
{
    private readonly List<IniEntry> _entries = [];

    public string Name => name;
    public int Line => line;
    public IReadOnlyList<IniEntry> Entries => _entries;

    public IniEntry? Find(string key) =>
        _entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    internal void Add(IniEntry entry) => _entries.Add(entry);
}

/// <summary>One <c>key = value</c>, with the line it starts on.</summary>
public sealed class IniEntry(string key, string value, int line)
{
    public string Key => key;
    public string Value { get; private set; } = value;
    public int Line => line;

    internal void Append(string continuation) =>
        Value = Value.Length == 0 ? continuation : Value + "\n" + continuation;
}
