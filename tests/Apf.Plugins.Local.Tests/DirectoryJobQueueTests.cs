using Apf.Plugins.Local.DirectoryQueue;

namespace Apf.Plugins.Local.Tests;

public sealed class DirectoryJobQueueTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DirectoryJobQueue _queue;

    public DirectoryJobQueueTests() => _queue = new DirectoryJobQueue(_temp["wms"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_queue_without_folders_is_missing_not_zero()
    {
        Assert.Null(_queue.Count("nosuchqueue"));
        Assert.Null(_queue.Claim("nosuchqueue", "p1"));
        _queue.EnsureQueue("q");
        Assert.Equal(new JobCounts(0, 0, 0, 0), _queue.Count("q"));
    }

    [Fact]
    public void Jobs_are_claimed_oldest_first_and_kept_with_output_and_exit_code()
    {
        var ids = _queue.AddJobs("q", 3, "echo hi");
        Assert.Equal(new JobCounts(3, 0, 0, 0), _queue.Count("q"));

        var first = _queue.Claim("q", "pilot-1")!;
        Assert.Equal(ids[0], first.Id);
        Assert.True(File.Exists(_temp[$"wms/q/running/{ids[0]}@pilot-1.job"]));
        var second = _queue.Claim("q", "pilot-2")!;
        Assert.Equal(new JobCounts(1, 2, 0, 0), _queue.Count("q"));

        _queue.Complete(first, 0, "fine\n");
        _queue.Complete(second, 7, "broken\n");

        Assert.Equal(new JobCounts(1, 0, 1, 1), _queue.Count("q"));
        Assert.Equal("fine\n", File.ReadAllText(_temp[$"wms/q/done/{ids[0]}.out"]));
        Assert.Equal("0", File.ReadAllText(_temp[$"wms/q/done/{ids[0]}.exit"]).Trim());
        Assert.Equal("7", File.ReadAllText(_temp[$"wms/q/failed/{ids[1]}.exit"]).Trim());
        Assert.Contains("echo hi", File.ReadAllText(_temp[$"wms/q/failed/{ids[1]}.job"]));
    }

    [Fact]
    public void A_released_job_goes_back_to_ready_unchanged()
    {
        var id = _queue.AddJobs("q", 1, "true").Single();
        var job = _queue.Claim("q", "p")!;
        _queue.Release(job);
        Assert.Equal(new JobCounts(1, 0, 0, 0), _queue.Count("q"));
        Assert.True(File.Exists(_temp[$"wms/q/ready/{id}.job"]));
    }

    [Fact]
    public void Jobs_of_dead_pilots_go_back_with_an_attempt_count_then_to_failed()
    {
        var id = _queue.AddJobs("q", 2, "true")[1];
        var alive = _queue.Claim("q", "alive")!;

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var job = _queue.Claim("q", "dead")!;
            Assert.Equal(attempt, job.Attempt);
            var result = _queue.RecoverOrphans("q", p => p != "dead", maxAttempts: 3);
            Assert.Equal([job.Id], result.Requeued);
        }
        Assert.True(File.Exists(_temp[$"wms/q/ready/{id}~3.job"]));

        var last = _queue.Claim("q", "dead")!;
        File.WriteAllText(Path.ChangeExtension(last.Path, ".out"), "partial\n");
        var final = _queue.RecoverOrphans("q", p => p != "dead", maxAttempts: 3);

        Assert.Equal([$"{id}~3"], final.GivenUp);
        Assert.Equal(DirectoryJobQueue.LostExit, File.ReadAllText(_temp[$"wms/q/failed/{id}~3.exit"]).Trim());
        Assert.StartsWith("partial\n", File.ReadAllText(_temp[$"wms/q/failed/{id}~3.out"]));
        // The live pilot's job is not touched.
        Assert.True(File.Exists(alive.Path));
        Assert.Equal(new JobCounts(0, 1, 0, 1), _queue.Count("q"));
    }

    [Fact]
    public void A_job_whose_pilot_died_after_writing_its_exit_code_is_finished_not_rerun()
    {
        _queue.AddJobs("q", 1, "true");
        var job = _queue.Claim("q", "p")!;
        File.WriteAllText(_temp[$"wms/q/done/{job.Id}.exit"], "0\n");

        var result = _queue.RecoverOrphans("q", _ => false);

        Assert.Equal([job.Id], result.Finished);
        Assert.Equal(new JobCounts(0, 0, 1, 0), _queue.Count("q"));
    }

    [Theory]
    [InlineData("x; rm -rf /")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Names_that_are_not_one_folder_are_refused(string name)
    {
        Assert.False(DirectoryJobQueue.IsValidQueueName(name));
        Assert.Throws<ArgumentException>(() => _queue.AddJobs(name, 1, "true"));
        Assert.Null(_queue.Count(name));
        Assert.False(Directory.Exists(_temp["wms"]) && Directory.EnumerateFileSystemEntries(_temp["wms"]).Any());
    }

    [Fact]
    public void Concurrent_threads_claim_every_job_exactly_once()
    {
        var ids = _queue.AddJobs("q", 300, "true");
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            while (_queue.Claim("q", $"thread-{worker}") is { } job)
            {
                claimed.Add(job.Id);
                _queue.Complete(job, 0, "");
            }
        });
        Assert.Equal(ids.Order(), claimed.Order());
        Assert.Equal(new JobCounts(0, 0, 300, 0), _queue.Count("q"));
    }
}
