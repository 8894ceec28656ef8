namespace Apf.Core.Scheduling;

/// <summary>Why a plugin's output differs from what its arithmetic alone would say.</summary>
public enum StepNote : byte
{
    None = 0,
    WmsMissing,
    WmsStale,
    BatchMissing,
    BatchStale,
    SiteOffline,
    SiteTest,
    FactoryFull,
    Throttled,
    LifetimeCapReached,
}
