using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Status;
using Apf.Plugins.Slurm.Submit;

namespace Apf.Plugins.Slurm.Tests.Live;

/// <summary>Against the real one-node Slurm of scripts/slurm/start-test-slurm.sh.</summary>
[Collection("live slurm")]
public sealed class LiveSlurmTests
{
    private static SlurmClient Client(string conf, SqueueFormat format = SqueueFormat.Auto) =>
        new(new LocalCommandRunner(new Dictionary<string, string> { ["SLURM_CONF"] = conf }, TimeSpan.FromSeconds(60)), format);

    [Fact]
    public async Task An_array_of_pilots_runs_is_seen_in_status_and_finishes()
    {
        var conf = LiveEnvironment.SlurmConf();
        var pilots = new LivePilots(LiveEnvironment.WorkFolder());
        using var submit = new SlurmBatchSubmitPlugin(Client(conf), new SbatchOptions());
        using var status = new SlurmBatchStatusPlugin(Client(conf), pilots.Factory, TimeProvider.System);
        var request = pilots.Request("q1", 3, sleepSeconds: "2");

        var outcome = await submit.SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(3, outcome.BatchIds.Count);
        var first = (await status.ReadAsync(LivePilots.Query("q1"), TestContext.Current.CancellationToken))["q1"];
        Assert.Equal(3, first.Pending + first.Running + first.Done);
        Assert.True(first.Pending + first.Running > 0, $"pilots sleep 2 s, so right after submission some are pending or running: {first}");
        Assert.Equal(outcome.BatchIds.Order(), (await submit.FindPilotsAsync(request.Label, TestContext.Current.CancellationToken)).Order());

        var end = await LivePilots.WaitForAsync(status, "q1", f => f.Done == 3, TimeSpan.FromSeconds(90));
        Assert.Equal(new Contracts.BatchQueueFigures { Done = 3, RecentlyEnded = 3, RecentlyEndedShort = 3 }, end);

        var jobId = outcome.BatchIds[0].Split('_')[0];
        for (var task = 0; task < 3; task++)
        {
            var output = await File.ReadAllTextAsync(Path.Combine(pilots.Logs, $"{jobId}_{task}.out"), TestContext.Current.CancellationToken);
            Assert.Equal("pilot secret'value it's a $(test)\n", output);
        }
    }

    [Fact]
    public async Task Retire_cancels_the_newest_pending_pilots_and_status_reads_the_rest_in_both_formats()
    {
        var conf = LiveEnvironment.SlurmConf();
        var pilots = new LivePilots(LiveEnvironment.WorkFolder());
        using var client = Client(conf);
        using var submit = new SlurmBatchSubmitPlugin(Client(conf), new SbatchOptions { ExtraOptions = ["--hold"] });
        using var status = new SlurmBatchStatusPlugin(Client(conf), pilots.Factory, TimeProvider.System);
        using var textStatus = new SlurmBatchStatusPlugin(Client(conf, SqueueFormat.Text), pilots.Factory, TimeProvider.System);
        var outcome = await submit.SubmitAsync(pilots.Request("q2", 4), TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(4, (await status.ReadAsync(LivePilots.Query("q2"), TestContext.Current.CancellationToken))["q2"].Pending);
            Assert.Equal(4, (await textStatus.ReadAsync(LivePilots.Query("q2"), TestContext.Current.CancellationToken))["q2"].Pending);

            var retired = await submit.RetireAsync(pilots.Factory, "q2", 2, TestContext.Current.CancellationToken);

            Assert.Equal([outcome.BatchIds[3], outcome.BatchIds[2]], retired);
            var after = (await status.ReadAsync(LivePilots.Query("q2"), TestContext.Current.CancellationToken))["q2"];
            Assert.Equal(new Contracts.BatchQueueFigures { Pending = 2, Done = 2 }, after);
            Assert.Empty(await submit.RetireAsync(pilots.Factory, "other", 5, TestContext.Current.CancellationToken));
        }
        finally
        {
            await client.CancelAsync(outcome.BatchIds.ToList(), CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_hostile_queue_name_is_one_argument_that_sbatch_rejects()
    {
        var conf = LiveEnvironment.SlurmConf();
        var pilots = new LivePilots(LiveEnvironment.WorkFolder());
        var marker = Path.Combine(pilots.Folder, "pwned");
        using var submit = new SlurmBatchSubmitPlugin(Client(conf), new SbatchOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            submit.SubmitAsync(pilots.Request("q3", 1, batchQueue: $"x; touch {marker}"), TestContext.Current.CancellationToken));

        Assert.Contains("partition", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(marker));
    }
}
