using System.Net;
using Apf.Core.Configuration;

namespace Apf.Config.Client;

/// <summary>The whole configuration as YAML, and the revision it was read at (to push against).</summary>
public sealed record PulledConfig(string Yaml, long Revision);

public sealed record PushResult(long Revision, int Queues, bool Changed, IReadOnlyList<ConfigError> Warnings);

public sealed record ValidationResult(bool Valid, IReadOnlyList<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings, IReadOnlyList<string> Queues);

public sealed record QueueSummary(string Name, long Version, bool Enabled, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The service refused a request: 400 (with every error), 401/403 (key), 404, 409 (stale revision).</summary>
public sealed class ConfigServiceException(HttpStatusCode status, string message, IReadOnlyList<ConfigError> errors)
    : Exception(message)
{
    public HttpStatusCode Status => status;
    public IReadOnlyList<ConfigError> Errors => errors;
}
