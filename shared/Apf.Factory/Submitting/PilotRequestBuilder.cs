using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;

namespace Apf.Factory.Submitting;

/// <summary>
/// Turns a submit command into what the batch plugin needs: the wrapper, its arguments, and the
/// environment APF gives every pilot (APFFID, APFCID, FACTORYQUEUE, FACTORYUSER, APFMON...).
/// </summary>
public sealed class PilotRequestBuilder(PilotWrapperOptions wrapper, TimeProvider time)
{
    public PilotRequest Build(FactoryConfig config, QueueDefinition queue, SubmitPilots command, int count)
    {
        var label = new PilotLabel(command.Factory, command.Queue, command.CommandId);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["APFFID"] = config.Factory.FactoryId,
            ["APFCID"] = command.CommandId.ToString("N"),
            ["FACTORYQUEUE"] = queue.Name,
            ["FACTORYUSER"] = Environment.UserName,
            ["APF_PILOT_LABEL"] = label.ToString(),
            ["APF_WMS_QUEUE"] = queue.Options.WmsQueue,
            ["APF_PILOT_LIFETIME"] = ((int)queue.Options.PilotLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var reportUrl = config.Factory.MonitorUrl ?? wrapper.ReportUrl;
        if (reportUrl is not null)
        {
            environment["APF_MONITOR_URL"] = reportUrl;
            environment["APFMON"] = reportUrl;
        }
        (queue.WmsStatus as IPilotEnvironmentSource)?.AddPilotEnvironment(queue.Options.WmsQueue, environment);

        var executable = queue.Options.Executable ?? wrapper.DefaultExecutable
            ?? throw new InvalidOperationException($"queue '{queue.Name}' sets no executable and no default pilot wrapper is installed");
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new PilotRequest
        {
            Label = label,
            Count = count,
            Executable = executable,
            Arguments = queue.Options.ExecutableArguments,
            Environment = environment,
            LogDirectory = Path.Combine(config.Factory.BaseLogDirectory, day, queue.Name),
            BatchQueue = queue.Options.BatchQueue,
        };
    }
}
