/// <summary>
/// Resource names double as connection-string names: WithReference(messaging) sets ConnectionStrings__messaging,
/// WithReference(apfconfig) sets ConnectionStrings__apfconfig. They must equal Apf.ServiceDefaults.ConnectionNames
/// (not referenced here: a ProjectReference in an AppHost means "run this project").
/// </summary>
internal static class ResourceNames
{
    public const string Messaging = "messaging";
    public const string Mongo = "mongo";
    public const string ApfConfig = "apfconfig";
    public const string Config = "config";
    public const string WmsStatus = "wmsstatus";
    public const string BatchStatus = "batchstatus";
    public const string Scheduler = "scheduler";
    public const string Submitter = "submitter";
    public const string Monitor = "monitor";
}
