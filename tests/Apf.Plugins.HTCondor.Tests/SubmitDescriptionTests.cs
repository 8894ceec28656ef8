using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.Submit;

namespace Apf.Plugins.HTCondor.Tests;

public sealed class SubmitDescriptionTests
{
    private static readonly Guid Command = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    internal static PilotRequest Request(int count = 5, string? batchQueue = null) => new()
    {
        Label = new PilotLabel("bnl-apf1", "BNL_ATLAS_1", Command),
        Count = count,
        Executable = "/usr/libexec/apf/wrapper.sh",
        Arguments = ["--pandasite", "BNL_ATLAS_1", "--note", "two words", "it's"],
        Environment = new Dictionary<string, string> { ["APFFID"] = "bnl-apf1", ["FACTORYQUEUE"] = "BNL_ATLAS_1", ["GTAG"] = "a \"b\"" },
        LogDirectory = "/var/log/apf/2026-11-25/BNL_ATLAS_1",
        BatchQueue = batchQueue,
    };

    [Fact]
    public void CondorLocal_description_is_one_cluster_of_labelled_pilots()
    {
        var text = SubmitDescription.Build(Request(), new CondorSubmitOptions { Flavour = CondorFlavour.Local });

        Assert.Equal(
            """
            # Apf pilots of factory bnl-apf1, queue BNL_ATLAS_1, command 0f8fad5bd9cb469fa16570867728950e
            universe = vanilla
            executable = /usr/libexec/apf/wrapper.sh
            arguments = "--pandasite BNL_ATLAS_1 --note 'two words' 'it''s'"
            output = /var/log/apf/2026-11-25/BNL_ATLAS_1/$(Cluster).$(Process).out
            error = /var/log/apf/2026-11-25/BNL_ATLAS_1/$(Cluster).$(Process).err
            log = /var/log/apf/2026-11-25/BNL_ATLAS_1/$(Cluster).$(Process).log
            should_transfer_files = YES
            when_to_transfer_output = ON_EXIT
            environment = "APFFID=bnl-apf1 FACTORYQUEUE=BNL_ATLAS_1 GTAG='a ""b""'"
            +MATCH_APF_QUEUE = "BNL_ATLAS_1"
            +ApfFactory = "bnl-apf1"
            +ApfCommandId = "0f8fad5bd9cb469fa16570867728950e"
            +ApfPilotLabel = "apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e"
            queue 5

            """, text);
    }

    [Fact]
    public void CondorCE_routes_to_the_CE_with_its_batch_queue_proxy_and_extra_attributes()
    {
        var options = new CondorSubmitOptions
        {
            Flavour = CondorFlavour.CE,
            Universe = "grid",
            GridResource = "condor gridgk01.racf.bnl.gov gridgk01.racf.bnl.gov:9619",
            X509UserProxy = "/tmp/prodProxy",
            Attributes = [new("+maxMemory", "2000"), new("+xcount", "1")],
        };

        var lines = SubmitDescription.Build(Request(2, batchQueue: "analy"), options).Split('\n');

        Assert.Equal("universe = grid", lines[1]);
        Assert.Equal("grid_resource = condor gridgk01.racf.bnl.gov gridgk01.racf.bnl.gov:9619", lines[2]);
        Assert.Contains("x509userproxy = /tmp/prodProxy", lines);
        Assert.Contains("+queue = \"analy\"", lines);
        var extra = Array.IndexOf(lines, "+maxMemory = 2000");
        Assert.True(extra > Array.IndexOf(lines, "+ApfPilotLabel = \"apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e\""));
        Assert.Equal("queue 2", lines[^2]);
    }

    [Fact]
    public void A_newline_in_a_value_cannot_inject_submit_commands()
    {
        var request = Request() with { Arguments = ["ok\nqueue 1000"] };

        Assert.Throws<ArgumentException>(() => SubmitDescription.Build(request, new CondorSubmitOptions { Flavour = CondorFlavour.Local }));
        Assert.Throws<ArgumentException>(() => SubmitDescription.Build(Request() with { LogDirectory = "/tmp\nqueue 9" }, new CondorSubmitOptions { Flavour = CondorFlavour.Local }));
    }

    [Theory]
    [InlineData("57368.0 - 57368.4\n", new[] { "57368.0", "57368.1", "57368.2", "57368.3", "57368.4" })]
    [InlineData("12.0 - 12.0\n", new[] { "12.0" })]
    [InlineData("Submitting job(s)...\n3 job(s) submitted to cluster 77.\n", new[] { "77.0", "77.1", "77.2" })]
    [InlineData("", new string[0])]
    public void Submit_output_gives_the_job_ids(string output, string[] expected)
    {
        Assert.Equal(expected, SubmitOutput.JobIds(output));
    }
}
