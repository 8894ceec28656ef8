namespace Apf.Plugins.Wms.Tests;

/// <summary>
/// Answers shaped exactly as PanDA server's API v1 builds them (pandaserver/api/v1/statistics_api.py:
/// generate_response(success, message, data) = {"success", "message", "data"}; data from
/// DBProxy.getJobStatistics: {computingSite: {jobStatus: count}} with assigned/activated/running filled
/// with 0 and merging left out; getJobStatisticsPerSiteResource: {computingSite: {resource_type:
/// {jobStatus: count}}}). Built for the tests: no recorded answer is public (see SOURCES.md).
/// </summary>
internal static class PandaResponses
{
    public const string ActiveBySite = """
        {"success": true, "message": "", "data": {"BNL_ATLAS_1": {"activated": 12, "running": 30, "assigned": 4, "starting": 2, "sent": 1, "holding": 1, "transferring": 3, "defined": 5, "waiting": 6, "throttled": 1, "pending": 2}, "CERN-PROD": {"assigned": 0, "activated": 0, "running": 7}}}
        """;

    public const string BySiteAndResourceType = """
        {"success": true, "message": "", "data": {"BNL_ATLAS_1": {"SCORE": {"activated": 10, "running": 20, "assigned": 0, "finished": 40, "failed": 3, "cancelled": 1}, "MCORE": {"activated": 2, "running": 5, "assigned": 1, "finished": 0, "failed": 0}}}}
        """;

    public const string Refused = """
        {"success": false, "message": "Database failure getting the job statistics", "data": {}}
        """;

    /// <summary>The shape of CRIC's pandaqueue query (?json): an object keyed by queue name.</summary>
    public const string QueueStates = """
        {"BNL_ATLAS_1": {"name": "BNL_ATLAS_1", "status": "online", "state": "ACTIVE"}, "BNL_ATLAS_TEST": {"name": "BNL_ATLAS_TEST", "status": "test"}, "IDLE_SITE": {"name": "IDLE_SITE", "status": "offline"}}
        """;
}
