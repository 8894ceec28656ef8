namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>How condor_q and condor_history are asked to print ads.</summary>
public enum ClassAdFormat
{
    /// <summary>-json (HTCondor 8.3 and later).</summary>
    Json,
    /// <summary>-long -xml (every version, including the 7.x/8.0 schedds of APF's time).</summary>
    Xml,
}
