using System.Text.RegularExpressions;
using Apf.Core.Configuration;
using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Submit;

/// <summary>The options of one HTCondor submit plugin ("batchsubmit.&lt;plugin&gt;.*").</summary>
public sealed partial record CondorSubmitOptions
{
    public required CondorFlavour Flavour { get; init; }
    public CondorConnection Connection { get; init; } = new();
    /// <summary>The universe of CondorLocal (vanilla unless set).</summary>
    public string Universe { get; init; } = "vanilla";
    /// <summary>The grid_resource line for the grid flavours; null for CondorLocal.</summary>
    public string? GridResource { get; init; }
    /// <summary>x509userproxy: the proxy HTCondor-G delegates to the CE.</summary>
    public string? X509UserProxy { get; init; }
    /// <summary>Further submit commands, "name = value", in the order given (APF's condor_attributes).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];
    /// <summary>How long condor_history is searched when a redelivered command looks for its pilots.</summary>
    public TimeSpan FindWindow { get; init; } = TimeSpan.FromDays(1);

    public static CondorSubmitOptions Read(SettingsReader s, string prefix, CondorFlavour flavour)
    {
        var proxy = s.String(prefix + "x509userproxy");
        if (proxy is not null && !SingleLine(s, prefix + "x509userproxy", proxy)) proxy = null;
        return new CondorSubmitOptions
        {
            Flavour = flavour,
            Connection = CondorConnection.Read(s, prefix),
            Universe = ReadUniverse(s, prefix, flavour),
            GridResource = ReadGridResource(s, prefix, flavour),
            X509UserProxy = string.IsNullOrWhiteSpace(proxy) ? null : proxy.Trim(),
            Attributes = ReadAttributes(s, prefix + "condor_attributes"),
            FindWindow = s.Seconds(prefix + "findwindow", TimeSpan.FromDays(1), min: TimeSpan.FromMinutes(1)),
        };
    }

    private static string ReadUniverse(SettingsReader s, string prefix, CondorFlavour flavour)
    {
        if (flavour != CondorFlavour.Local) return "grid";
        return s.Choice(prefix + "universe", "vanilla", ["vanilla", "docker", "container", "local", "scheduler"],
            u => $"'{u}' is not a universe pilots can use (vanilla, docker, container, local, scheduler)");
    }

    private static string? ReadGridResource(SettingsReader s, string prefix, CondorFlavour flavour)
    {
        switch (flavour)
        {
            case CondorFlavour.Local:
                return null;
            case CondorFlavour.Grid:
            {
                var key = prefix + "gridresource";
                var value = s.RequiredString(key);
                return value.Length > 0 && SingleLine(s, key, value) ? value.Trim() : null;
            }
            case CondorFlavour.CE:
            {
                var key = prefix + "gatekeeper";
                var value = s.RequiredString(key).Trim();
                if (value.Length == 0) return null;
                if (!HostPort().IsMatch(value)) { s.Error(key, $"expected host or host:port, got '{value}'"); return null; }
                var host = value.Split(':')[0];
                var address = value.Contains(':') ? value : $"{value}:9619";
                return $"condor {host} {address}";
            }
            case CondorFlavour.Arc:
            {
                var key = prefix + "gatekeeper";
                var value = s.RequiredString(key).Trim();
                if (value.Length == 0) return null;
                if (HostPort().IsMatch(value)) return $"arc https://{(value.Contains(':') ? value : value + ":443")}/arex";
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !value.Any(char.IsWhiteSpace))
                    return $"arc {value}";
                s.Error(key, $"expected an ARC host[:port] or https URL, got '{value}'");
                return null;
            }
            case CondorFlavour.Ssh:
            {
                var batchKey = prefix + "batch";
                var hostKey = prefix + "host";
                var batch = s.RequiredString(batchKey).Trim().ToLowerInvariant();
                var host = s.RequiredString(hostKey).Trim();
                if (batch.Length > 0 && batch is not ("slurm" or "pbs" or "lsf" or "sge" or "condor"))
                    s.Error(batchKey, $"'{batch}' is not a batch system BOSCO drives (slurm, pbs, lsf, sge, condor)");
                if (host.Length > 0 && !UserHost().IsMatch(host))
                    s.Error(hostKey, $"expected user@host, got '{host}'");
                return $"batch {batch} {host}";
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(flavour));
        }
    }

    /// <summary>"name = value, name2 = value2": commands added verbatim (values may not contain commas).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ReadAttributes(SettingsReader s, string key)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var item in s.List(key))
        {
            var equals = item.IndexOf('=');
            var name = equals > 0 ? item[..equals].Trim() : "";
            var value = equals > 0 ? item[(equals + 1)..].Trim() : "";
            if (!AttributeName().IsMatch(name) || value.Length == 0 || value.Any(char.IsControl))
            {
                s.Error(key, $"'{item}' is not 'name = value' (name letters, digits, '_', '.', optional leading '+'; one line)");
                continue;
            }
            if (ReservedNames.Contains(name.TrimStart('+')))
            {
                s.Error(key, $"'{name}' is set by Apf itself and may not be overridden");
                continue;
            }
            result.Add(new(name, value));
        }
        return result;
    }

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "queue", "executable", "arguments", "environment", "output", "error", "log", "universe", "grid_resource",
        PilotAttributes.Queue, PilotAttributes.Factory, PilotAttributes.CommandId, PilotAttributes.Label,
    };

    private static bool SingleLine(SettingsReader s, string key, string value)
    {
        if (!value.Any(char.IsControl)) return true;
        s.Error(key, "must be a single line");
        return false;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    private static partial Regex UserHost();

    [GeneratedRegex(@"^\+?[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex AttributeName();
}
