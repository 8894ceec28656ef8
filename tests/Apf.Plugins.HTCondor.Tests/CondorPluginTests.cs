using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.Commands;
using Microsoft.Extensions.Time.Testing;

namespace Apf.Plugins.HTCondor.Tests;

public sealed class CondorPluginTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1764076300);
    private readonly FakeCondorCommands _condor = new();
    private readonly PluginHarness _harness;
    private readonly string _logs = Directory.CreateTempSubdirectory("apf-condor-test-").FullName;

    public CondorPluginTests() => _harness = new PluginHarness(_condor, new FakeTimeProvider(Now));

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task Batch_status_runs_condor_q_and_condor_history_for_the_factory_and_counts_per_queue()
    {
        _condor.Answer("condor_q", ManualJson.Queue).Answer("condor_history", ManualJson.History);
        var plugin = _harness.Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "Condor", ("batchstatus.condor.schedd", "apf-schedd.bnl.gov"));

        var figures = await plugin.ReadAsync([new BatchStatusQuery("BNL_ATLAS_1", TimeSpan.FromHours(1), TimeSpan.FromSeconds(10))], TestContext.Current.CancellationToken);

        Assert.Empty(_harness.Errors);
        const string constraint = "ApfFactory =?= \"bnl-apf1\" && isString(MATCH_APF_QUEUE)";
        const string attributes = "ClusterId,ProcId,JobStatus,ExitCode,QDate,JobStartDate,EnteredCurrentStatus,CompletionDate,MATCH_APF_QUEUE,ApfFactory,ApfPilotLabel";
        AssertCall(_condor.Calls[0], "condor_q", ["-name", "apf-schedd.bnl.gov", "-constraint", constraint, "-attributes", attributes, "-json"]);
        AssertCall(_condor.Calls[1], "condor_history", ["-name", "apf-schedd.bnl.gov", "-constraint", constraint, "-attributes", attributes, "-completedsince", "1764072700", "-json"]);
        Assert.Equal((2, 1, 3, 1), (figures["BNL_ATLAS_1"].Pending, figures["BNL_ATLAS_1"].Running, figures["BNL_ATLAS_1"].Done, figures["BNL_ATLAS_1"].Failed));
    }

    [Fact]
    public async Task An_empty_schedd_reads_as_zero_pilots_not_as_an_error()
    {
        _condor.Answer("condor_q", "").Answer("condor_history", "[]\n");
        var plugin = _harness.Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "Condor");

        var figures = await plugin.ReadAsync([new BatchStatusQuery("Q1", TimeSpan.FromHours(1), TimeSpan.FromSeconds(10))], TestContext.Current.CancellationToken);

        Assert.Equal(new Apf.Contracts.BatchQueueFigures(), figures["Q1"]);
    }

    [Fact]
    public async Task A_failing_condor_q_surfaces_as_an_exception_naming_the_tool_and_its_error()
    {
        _condor.Answer("condor_q", "", exitCode: 1, stderr: "Failed to connect to local queue");
        var plugin = _harness.Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "Condor", ("batchstatus.condor.history", "false"));

        var e = await Assert.ThrowsAsync<CondorCommandException>(() =>
            plugin.ReadAsync([new BatchStatusQuery("Q1", TimeSpan.FromHours(1), TimeSpan.FromSeconds(10))], TestContext.Current.CancellationToken));

        Assert.Contains("condor_q exited with code 1", e.Message);
        Assert.Contains("Failed to connect to local queue", e.Message);
    }

    [Fact]
    public async Task Submit_writes_the_description_in_the_log_folder_and_runs_condor_submit_terse()
    {
        _condor.Answer("condor_submit", "1201.0 - 1201.2\n");
        var plugin = _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "CondorCE",
            ("batchsubmit.condorce.gatekeeper", "gridgk01.racf.bnl.gov"), ("batchsubmit.condorce.pool", "gridgk01.racf.bnl.gov:9619"));
        var request = SubmitDescriptionTests.Request(3) with { LogDirectory = Path.Combine(_logs, "2026-11-25", "BNL_ATLAS_1") };

        var outcome = await plugin.SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Empty(_harness.Errors);
        Assert.Equal(["1201.0", "1201.1", "1201.2"], outcome.BatchIds);
        var file = Path.Combine(request.LogDirectory, "apf-0f8fad5bd9cb469fa16570867728950e.sub");
        AssertCall(Assert.Single(_condor.Calls), "condor_submit", ["-pool", "gridgk01.racf.bnl.gov:9619", "-terse", file]);
        var submitted = Assert.Single(_condor.SubmitFiles);
        Assert.Contains("grid_resource = condor gridgk01.racf.bnl.gov gridgk01.racf.bnl.gov:9619\n", submitted);
        Assert.EndsWith("queue 3\n", submitted);
    }

    [Fact]
    public async Task Retire_removes_the_newest_idle_pilots_of_the_queue_only()
    {
        _condor.Answer("condor_q", ManualJson.Queue).Answer("condor_rm", "All jobs matching constraint have been marked for removal\n");
        var plugin = _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "CondorLocal");

        var removed = await plugin.RetireAsync("bnl-apf1", "BNL_ATLAS_1", 3, TestContext.Current.CancellationToken);

        // Only 1201.0 is idle (1202.0 is held, 1201.1 runs): never more than asked, never a running pilot.
        Assert.Equal(["1201.0"], removed);
        Assert.Equal("ApfFactory =?= \"bnl-apf1\" && MATCH_APF_QUEUE =?= \"BNL_ATLAS_1\" && JobStatus == 1", _condor.Calls[0].Arguments[1]);
        AssertCall(_condor.Calls[1], "condor_rm", ["1201.0"]);
    }

    [Fact]
    public async Task FindPilots_looks_in_queue_and_history_by_label()
    {
        _condor.Answer("condor_q", ManualJson.Queue).Answer("condor_history", "");
        var plugin = _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "CondorLocal");
        var label = new PilotLabel("bnl-apf1", "BNL_ATLAS_1", Guid.Parse("0f8fad5bd9cb469fa16570867728950e"));

        var found = await plugin.FindPilotsAsync(label, TestContext.Current.CancellationToken);

        Assert.Contains("ApfPilotLabel =?= \"apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e\"", _condor.Calls[0].Arguments);
        Assert.Contains("-completedsince", _condor.Calls[1].Arguments);
        // The fake answers every ad; the plugin reports what HTCondor returned for the constraint.
        Assert.Equal(["1201.0", "1201.1", "1202.0", "1203.0"], found);
    }

    [Theory]
    [InlineData("CondorCE", "batchsubmit.condorce.gatekeeper")]
    [InlineData("CondorARC", "batchsubmit.condorarc.gatekeeper")]
    [InlineData("CondorGrid", "batchsubmit.condorgrid.gridresource")]
    [InlineData("CondorSSH", "batchsubmit.condorssh.batch")]
    public void Grid_flavours_without_their_endpoint_report_the_missing_key(string plugin, string key)
    {
        _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, plugin);

        Assert.Contains(_harness.Errors, e => e.Key == key && e.Message.Contains("required"));
    }

    [Theory]
    [InlineData("batchsubmit.condorlocal.universe", "standard")]
    [InlineData("batchsubmit.condorlocal.condor_attributes", "+ok = 1, queue = 5")]
    [InlineData("batchsubmit.condorlocal.condor_attributes", "no equals sign")]
    [InlineData("batchsubmit.condorlocal.schedd", "two words")]
    [InlineData("batchsubmit.condorlocal.timeout", "soon")]
    public void Bad_submit_options_are_reported_with_their_key(string key, string value)
    {
        _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "CondorLocal", (key, value));

        Assert.Contains(_harness.Errors, e => e.Key == key);
    }

    [Theory]
    [InlineData("CondorARC", "batchsubmit.condorarc.gatekeeper", "arc01.example.org", "arc https://arc01.example.org:443/arex")]
    [InlineData("CondorARC", "batchsubmit.condorarc.gatekeeper", "https://arc01.example.org:8443/arex", "arc https://arc01.example.org:8443/arex")]
    [InlineData("CondorCE", "batchsubmit.condorce.gatekeeper", "ce01.example.org:9620", "condor ce01.example.org ce01.example.org:9620")]
    [InlineData("CondorGrid", "batchsubmit.condorgrid.gridresource", "condor ce02 ce02:9619", "condor ce02 ce02:9619")]
    public async Task Grid_resource_lines_per_flavour(string plugin, string key, string value, string expected)
    {
        _condor.Answer("condor_submit", "5.0 - 5.0\n");
        var submit = _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, plugin, (key, value));

        await submit.SubmitAsync(SubmitDescriptionTests.Request(1) with { LogDirectory = _logs }, TestContext.Current.CancellationToken);

        Assert.Empty(_harness.Errors);
        Assert.Contains($"grid_resource = {expected}\n", _condor.SubmitFiles[0]);
    }

    [Fact]
    public async Task CondorSSH_routes_through_BOSCO()
    {
        _condor.Answer("condor_submit", "5.0 - 5.0\n");
        var submit = _harness.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "CondorSSH",
            ("batchsubmit.condorssh.batch", "slurm"), ("batchsubmit.condorssh.host", "apf@login.hpc.example.org"));

        await submit.SubmitAsync(SubmitDescriptionTests.Request(1) with { LogDirectory = _logs }, TestContext.Current.CancellationToken);

        Assert.Contains("grid_resource = batch slurm apf@login.hpc.example.org\n", _condor.SubmitFiles[0]);
    }

    private static void AssertCall((string Tool, IReadOnlyList<string> Arguments) call, string tool, string[] arguments)
    {
        Assert.Equal(tool, call.Tool);
        Assert.Equal(arguments, call.Arguments);
    }
}
