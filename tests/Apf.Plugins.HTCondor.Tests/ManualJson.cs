namespace Apf.Plugins.HTCondor.Tests;

/// <summary>
/// condor_q/condor_history -json documents BUILT for the tests, not recorded: no real capture of
/// either was found in any public repository (see shared/fixtures/SOURCES.md). They follow the
/// HTCondor manual's description of the JSON form of ClassAds: an array of objects, one per ad;
/// integers, reals, booleans and strings as JSON values; undefined as null; expressions as strings
/// "\/Expr(...)\/"; an empty queue prints nothing (older versions) or "[]".
/// </summary>
internal static class ManualJson
{
    public const string Empty = "";
    public const string EmptyArray = "[\n]\n";

    /// <summary>condor_q -json -attributes ... of four pilots of two queues (idle, running, held, transferring).</summary>
    public const string Queue = """
        [
        {
          "ApfFactory": "bnl-apf1",
          "ApfPilotLabel": "apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e",
          "ClusterId": 1201,
          "EnteredCurrentStatus": 1764075600,
          "JobStartDate": null,
          "JobStatus": 1,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "ProcId": 0,
          "QDate": 1764075600
        }
        ,
        {
          "ApfFactory": "bnl-apf1",
          "ApfPilotLabel": "apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e",
          "ClusterId": 1201,
          "EnteredCurrentStatus": 1764075660,
          "JobStartDate": 1764075660,
          "JobStatus": 2,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "MemoryUsage": "\/Expr(((ResidentSetSize + 1023) / 1024))\/",
          "ProcId": 1,
          "QDate": 1764075600
        }
        ,
        {
          "ApfFactory": "bnl-apf1",
          "ClusterId": 1202,
          "EnteredCurrentStatus": 1764075700,
          "HoldReason": "Error from slot1@wn042: Failed to execute",
          "JobStatus": 5,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "ProcId": 0,
          "QDate": 1764075650
        }
        ,
        {
          "ApfFactory": "bnl-apf1",
          "ClusterId": 1203,
          "EnteredCurrentStatus": 1764076000,
          "JobStartDate": 1764075700,
          "JobStatus": 6,
          "MATCH_APF_QUEUE": "ANALY_BNL",
          "ProcId": 0,
          "QDate": 1764075650
        }
        ]

        """;

    /// <summary>condor_history -json: a completed pilot (exit 0), a failed one (exit 1 after 4 s), a removed idle one.</summary>
    public const string History = """
        [
        {
          "ApfFactory": "bnl-apf1",
          "ClusterId": 1190,
          "CompletionDate": 1764076200,
          "EnteredCurrentStatus": 1764076200,
          "ExitCode": 0,
          "JobStartDate": 1764073000,
          "JobStatus": 4,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "ProcId": 0,
          "QDate": 1764072000
        }
        ,
        {
          "ApfFactory": "bnl-apf1",
          "ClusterId": 1190,
          "CompletionDate": 1764076104,
          "EnteredCurrentStatus": 1764076104,
          "ExitCode": 1,
          "JobStartDate": 1764076100,
          "JobStatus": 4,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "ProcId": 1,
          "QDate": 1764072000
        }
        ,
        {
          "ApfFactory": "bnl-apf1",
          "ClusterId": 1191,
          "CompletionDate": 0,
          "EnteredCurrentStatus": 1764076150,
          "JobStatus": 3,
          "MATCH_APF_QUEUE": "BNL_ATLAS_1",
          "ProcId": 0,
          "QDate": 1764072000,
          "RemoveReason": "via condor_rm (by user apf)"
        }
        ]

        """;
}
