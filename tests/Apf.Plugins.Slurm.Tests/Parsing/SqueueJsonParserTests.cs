using Apf.Plugins.Slurm.Jobs;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Parsing;

public sealed class SqueueJsonParserTests
{
    // Counts read from the recorded files (jobs per job_state; an unsplit pending array counts one pilot per task).
    [Theory]
    [InlineData("squeue-json-openapi-v0.0.37-slurm-21.08.5-from-rivosinc-prometheus-slurm-exporter.json", 11, 10, 1, 0, 0)]
    [InlineData("squeue-json-v0.0.38-slurm-22.05.8-running-pending-array.json", 9, 1, 8, 0, 0)]
    [InlineData("slurmrestd-jobs-v0.0.39-slurm-23.02.8-from-slurm-web.json", 30, 26, 3, 1, 0)]
    [InlineData("slurmrestd-jobs-v0.0.40-slurm-23.11.10-from-slurm-web.json", 14, 2, 5, 5, 2)]
    [InlineData("slurmrestd-jobs-v0.0.41-slurm-24.05.3-from-slurm-web.json", 14, 1, 3, 8, 2)]
    [InlineData("slurmrestd-jobs-v0.0.44-slurm-25.11.0-from-slurm-web.json", 15, 1, 4, 8, 2)]
    public void Every_data_parser_version_reads_into_apf_phases(string file, int total, int pending, int running, int done, int failed)
    {
        var jobs = SqueueJsonParser.Parse(Fixtures.Read(file));

        Assert.Equal(total, jobs.Count);
        Assert.Equal(pending, jobs.Count(j => j.Phase == PilotPhase.Pending));
        Assert.Equal(running, jobs.Count(j => j.Phase == PilotPhase.Running));
        Assert.Equal(done, jobs.Count(j => j.Phase == PilotPhase.Done));
        Assert.Equal(failed, jobs.Count(j => j.Phase == PilotPhase.Failed));
        Assert.DoesNotContain(jobs, j => j.Phase == PilotPhase.Unknown);
        Assert.Equal(jobs.Count, jobs.Select(j => j.Id).Distinct().Count());
    }

    [Fact]
    public void V0038_array_tasks_get_array_ids_and_names_comments_and_times_are_kept()
    {
        var jobs = SqueueJsonParser.Parse(Fixtures.Read("squeue-json-v0.0.38-slurm-22.05.8-running-pending-array.json"));

        var pending = Assert.Single(jobs, j => j.Phase == PilotPhase.Pending);
        Assert.Equal("11_5", pending.Id);
        Assert.Null(pending.Started);
        Assert.Equal(["11_0", "11_1", "11_2", "11_3", "11_4", "11_5"], jobs.Where(j => j.Name == "apf-array").Select(j => j.Id).Order());
        var single = jobs.Single(j => j.Id == "8");
        Assert.Equal("apf-demo-q1-cmd1", single.Name);
        Assert.Equal("apf:factory=demo;queue=q1;cmd=1", single.Comment);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795535752), single.Submitted);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795535753), single.Started);
        Assert.Null(single.Ended);
    }

    [Fact]
    public void V0037_unsplit_pending_array_expands_to_one_pilot_per_task()
    {
        var jobs = SqueueJsonParser.Parse(Fixtures.Read("squeue-json-openapi-v0.0.37-slurm-21.08.5-from-rivosinc-prometheus-slurm-exporter.json"));

        var tasks = jobs.Where(j => j.Id.StartsWith("58948420_", StringComparison.Ordinal)).Select(j => j.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"58948420_{i}"), tasks);
        Assert.All(jobs.Where(j => tasks.Contains(j.Id)), j => Assert.Equal("some job name", j.Name));
    }

    [Fact]
    public void V0044_state_lists_wrapped_times_and_exit_codes_are_read()
    {
        var jobs = SqueueJsonParser.Parse(Fixtures.Read("slurmrestd-jobs-v0.0.44-slurm-25.11.0-from-slurm-web.json"));

        var failed = jobs.Single(j => j.Id == "5739");
        Assert.Equal(["FAILED"], failed.States);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762942460), failed.Started);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762942462), failed.Ended);
        Assert.Equal(PilotPhase.Done, jobs.Single(j => j.Id == "5736").Phase);
        Assert.Null(jobs.Single(j => j.Id == "5745").Ended);
    }

    [Fact]
    public void A_document_without_jobs_is_an_error_not_an_empty_queue()
    {
        Assert.Throws<FormatException>(() => SqueueJsonParser.Parse("""{"meta":{},"errors":[]}"""));
        Assert.Empty(SqueueJsonParser.Parse("""{"jobs":[]}"""));
    }
}
