using Apf.Plugins.Slurm.Jobs;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Parsing;

public sealed class TextParserTests
{
    [Fact]
    public void Squeue_plain_format_of_slurm_22_05_reads_nine_jobs()
    {
        var jobs = SqueueTextParser.Parse(Fixtures.Read("squeue-format-i-j-T-r-k-slurm-22.05.8.txt"), "%i|%j|%T|%r|%k");

        Assert.Equal(9, jobs.Count);
        Assert.Equal(8, jobs.Count(j => j.Phase == PilotPhase.Running));
        var pending = Assert.Single(jobs, j => j.Phase == PilotPhase.Pending);
        Assert.Equal("11_5", pending.Id);
        Assert.Equal("Resources", pending.Reason);
        Assert.Null(pending.Comment);
        Assert.Equal("apf:factory=demo;queue=q1;cmd=2", jobs.Single(j => j.Id == "9").Comment);
    }

    [Fact]
    public void Squeue_plain_format_expands_pending_array_ranges_and_keeps_pipes_in_comments()
    {
        const string output = "40_[3-5,9%2]|PD|PENDING|JobHeldUser|2026-11-24T15:55:52|N/A|N/A|apf.f.q.00000000000000000000000000000001|a|b\n" +
                              "41|R|RUNNING|None|2026-11-24T15:55:52|2026-11-24T15:55:53|2026-11-24T16:55:53|apf.f.q.00000000000000000000000000000001|(null)\n";

        var jobs = SqueueTextParser.Parse(output);

        Assert.Equal(["40_3", "40_4", "40_5", "40_9", "41"], jobs.Select(j => j.Id));
        Assert.Equal("a|b", jobs[0].Comment);
        Assert.Null(jobs[0].Started);
        Assert.NotNull(jobs[4].Started);
        Assert.Null(jobs[4].Ended);
    }

    [Fact]
    public void Scontrol_one_line_form_reads_array_tasks_and_comments_with_equals_signs()
    {
        var jobs = ScontrolParser.Parse(Fixtures.Read("scontrol-show-job-o-slurm-22.05.8.txt"));

        Assert.Equal(9, jobs.Count);
        Assert.Equal(["10", "11_0", "11_1", "11_2", "11_3", "11_4", "11_5", "8", "9"], jobs.Select(j => j.Id).Order(StringComparer.Ordinal));
        Assert.Equal(PilotPhase.Pending, jobs.Single(j => j.Id == "11_5").Phase);
        Assert.Equal("apf:factory=demo;queue=q1;cmd=1", jobs.Single(j => j.Id == "8").Comment);
        Assert.Equal("apf-demo-q1-cmd1", jobs.Single(j => j.Id == "8").Name);
        Assert.Equal(0, jobs.Single(j => j.Id == "8").ExitCode);
    }

    [Fact]
    public void Scontrol_multi_line_form_reads_each_job()
    {
        var jobs = ScontrolParser.Parse(Fixtures.Read("scontrol-show-job-multiline-from-clockwork.txt"));

        Assert.Equal(["1", "2"], jobs.Select(j => j.Id));
        Assert.Equal(["sh", "imagenet.sh"], jobs.Select(j => j.Name));
        Assert.All(jobs, j => Assert.Equal(PilotPhase.Pending, j.Phase));
        Assert.Equal("JobHeldAdmin", jobs[0].Reason);
    }

    [Fact]
    public void Scontrol_of_slurm_2014_uses_Name_and_reads_times()
    {
        var job = Assert.Single(ScontrolParser.Parse(Fixtures.Read("scontrol-oneliner-show-job-serial-running-slurm-2014-from-slyme.txt")));

        Assert.Equal("77369", job.Id);
        Assert.Equal("sleep_60s", job.Name);
        Assert.Equal(PilotPhase.Running, job.Phase);
        Assert.Equal(new DateTimeOffset(new DateTime(2014, 6, 26, 10, 18, 24, DateTimeKind.Local)), job.Started);
    }

    [Fact]
    public void Sacct_parsable_output_reads_final_states()
    {
        const string output = "12_3|apf.f.q.00000000000000000000000000000001|CANCELLED by 0|2026-11-24T10:00:00|2026-11-24T10:00:05|2026-11-24T10:00:09|0:15\n" +
                              "13|x|FAILED|2026-11-24T10:00:00|2026-11-24T10:00:01|2026-11-24T10:00:02|2:0\n";

        var jobs = SacctParser.Parse(output);

        Assert.Equal([PilotPhase.Done, PilotPhase.Failed], jobs.Select(j => j.Phase));
        Assert.Equal(2, jobs[1].ExitCode);
        Assert.Equal(TimeSpan.FromSeconds(4), jobs[0].Ended - jobs[0].Started);
    }
}
