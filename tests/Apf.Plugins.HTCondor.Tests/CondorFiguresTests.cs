using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Status;
using Apf.Testing;

namespace Apf.Plugins.HTCondor.Tests;

public sealed class CondorFiguresTests
{
    [Theory]
    [InlineData(0, PilotState.Pending)]
    [InlineData(1, PilotState.Pending)]
    [InlineData(5, PilotState.Pending)]
    [InlineData(2, PilotState.Running)]
    [InlineData(6, PilotState.Running)]
    [InlineData(3, PilotState.Done)]
    [InlineData(4, PilotState.Done)]
    [InlineData(7, PilotState.Other)]
    public void JobStatus_maps_as_APF_mappings_conf(int code, PilotState expected)
    {
        Assert.Equal(expected, CondorJobStates.Of(code));
    }

    [Fact]
    public void Recorded_APF_queue_counts_per_queue()
    {
        var jobs = ClassAdXmlParser.Parse(Fixtures.Read("htcondor", "condor_q-long-xml-htcondor-7.9.6-apf-bnl-2013-from-autopyfactory-tools.xml"))
            .Select(ad => CondorJob.FromAd(ad)).OfType<CondorJob>();
        BatchStatusQuery[] queries = [Query("BNL_CLOUD-sl6"), Query("ANALY_BNL_CLOUD"), Query("NOT_THERE")];

        var figures = CondorFigures.Count(jobs, [], queries, now: 1370700000);

        Assert.Equal((7, 8), (figures["BNL_CLOUD-sl6"].Pending, figures["BNL_CLOUD-sl6"].Running));
        Assert.Equal((2, 0), (figures["ANALY_BNL_CLOUD"].Pending, figures["ANALY_BNL_CLOUD"].Running));
        Assert.Equal(0, figures["NOT_THERE"].Pending + figures["NOT_THERE"].Running);
    }

    [Fact]
    public void Queue_and_history_give_pending_running_done_failed_and_short_runs()
    {
        var queued = ClassAdJsonParser.Parse(ManualJson.Queue).Select(ad => CondorJob.FromAd(ad)!);
        var history = ClassAdJsonParser.Parse(ManualJson.History).Select(ad => CondorJob.FromAd(ad)!);

        var figures = CondorFigures.Count(queued, history, [Query("BNL_ATLAS_1"), Query("ANALY_BNL")], now: 1764076300);

        var bnl = figures["BNL_ATLAS_1"];
        Assert.Equal(2, bnl.Pending);      // idle + held
        Assert.Equal(1, bnl.Running);
        Assert.Equal(3, bnl.Done);         // completed, failed, removed
        Assert.Equal(1, bnl.Failed);       // ExitCode 1; the removed pilot has no exit code
        Assert.Equal(2, bnl.RecentlyEnded); // the removed pilot never started
        Assert.Equal(1, bnl.RecentlyEndedShort); // ran 4 s < 10 s
        Assert.Equal(1, figures["ANALY_BNL"].Running); // transferring output
    }

    [Fact]
    public void Pilots_ended_before_the_window_are_not_counted()
    {
        var history = ClassAdJsonParser.Parse(ManualJson.History).Select(ad => CondorJob.FromAd(ad)!);

        var figures = CondorFigures.Count([], history, [new BatchStatusQuery("BNL_ATLAS_1", TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(10))], now: 1764076300);

        Assert.Equal(1, figures["BNL_ATLAS_1"].Done); // only the one ended at ...200
    }

    private static BatchStatusQuery Query(string queue) => new(queue, TimeSpan.FromHours(1), TimeSpan.FromSeconds(10));
}
