using Apf.Contracts;

namespace Apf.Plugins.Wms.Panda;

/// <summary>PanDA job states in APF's WMS vocabulary (mappings.conf).</summary>
public static class PandaJobStates
{
    public enum Bucket { NotReady, Ready, Running, Done, Failed, Ignored }

    public static Bucket Of(string state) => state.ToLowerInvariant() switch
    {
        "activated" => Bucket.Ready,
        "running" or "starting" or "sent" or "holding" or "transferring" => Bucket.Running,
        "defined" or "assigned" or "waiting" or "pending" or "throttled" => Bucket.NotReady,
        "finished" => Bucket.Done,
        "failed" or "cancelled" => Bucket.Failed,
        _ => Bucket.Ignored, // merging and states PanDA may add: APF counts them nowhere
    };

    /// <summary>Adds <paramref name="count"/> jobs in <paramref name="state"/> to the figures.</summary>
    public static WmsQueueFigures Add(WmsQueueFigures figures, string state, int count) => Of(state) switch
    {
        Bucket.Ready => figures with { Ready = figures.Ready + count },
        Bucket.Running => figures with { Running = figures.Running + count },
        Bucket.NotReady => figures with { NotReady = figures.NotReady + count },
        Bucket.Done => figures with { Done = figures.Done + count },
        Bucket.Failed => figures with { Failed = figures.Failed + count },
        _ => figures,
    };
}
