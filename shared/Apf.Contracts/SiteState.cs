namespace Apf.Contracts;

/// <summary>The WMS's view of a site or queue (APF: online, offline, test).</summary>
public enum SiteState
{
    /// <summary>The WMS does not say; schedulers treat it as online.</summary>
    Unknown = 0,
    Online = 1,
    Offline = 2,
    Test = 3,
}
