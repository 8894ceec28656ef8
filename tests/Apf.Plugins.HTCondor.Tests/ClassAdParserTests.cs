using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Status;
using Apf.Testing;

namespace Apf.Plugins.HTCondor.Tests;

public sealed class ClassAdParserTests
{
    private const string ApfCondorQ = "condor_q-long-xml-htcondor-7.9.6-apf-bnl-2013-from-autopyfactory-tools.xml";

    [Fact]
    public void Xml_long_condor_q_of_an_APF_factory_reads_every_pilot_with_its_queue()
    {
        var ads = ClassAdXmlParser.Parse(Fixtures.Read("htcondor", ApfCondorQ));

        Assert.Equal(40, ads.Count);
        var first = ads[0];
        Assert.Equal(57368L, first["ClusterId"]);
        Assert.Equal(0L, first["ProcId"]);
        Assert.Equal(false, first["OnExitHold"]);
        Assert.Equal(0.0, first["Rank"]);
        Assert.IsType<ClassAdExpression>(first["MemoryUsage"]);
        Assert.StartsWith("/var/home/apf/factory/logs/2013-06-07/BNL_CLOUD-sl6/", first.String("UserLog"));

        var jobs = ads.Select(ad => CondorJob.FromAd(ad)).OfType<CondorJob>().ToList();
        Assert.Equal(40, jobs.Count);
        var perQueue = jobs.GroupBy(j => (j.Queue, j.State)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(13, perQueue[("ANALY_BNL_CLOUD-sl6", PilotState.Running)]);
        Assert.Equal(8, perQueue[("BNL_CLOUD-sl6", PilotState.Running)]);
        Assert.Equal(7, perQueue[("BNL_CLOUD-sl6", PilotState.Pending)]);
        Assert.Equal(5, perQueue[("BNL_CLOUD", PilotState.Pending)]);
        Assert.Equal(40, jobs.Select(j => j.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("condor_status-long-xml-htcondor-7.8.8-ec2-startds-apf-2013-from-autopyfactory-tools.xml", 21)]
    [InlineData("condor_status-xml-glidein-startds-htcondor-8.0.4-from-glideinwms.xml", 7)]
    public void Xml_condor_status_outputs_read_as_ads(string file, int expected)
    {
        var ads = ClassAdXmlParser.Parse(Fixtures.Read("htcondor", file));

        Assert.Equal(expected, ads.Count);
        Assert.All(ads, ad => Assert.Equal("Machine", ad.String("MyType")));
        // Startd ads are not jobs: batch status must not count them.
        Assert.All(ads, ad => Assert.Null(CondorJob.FromAd(ad)));
    }

    [Fact]
    public void Long_format_of_one_slot_reads_typed_values()
    {
        var ads = ClassAdLongParser.Parse(Fixtures.Read("htcondor", "condor_status-l-startd-htcondor-8.2.6-small1slot-from-htcondor-tests.txt"));

        var ad = Assert.Single(ads);
        Assert.Equal("Busy", ad["Activity"]);
        Assert.Equal(true, ad["CanHibernate"]);
        Assert.Equal(1L, ad["Cpus"]);
        Assert.Equal(0.0, ad["CurrentRank"]);
        Assert.Equal(new ClassAdExpression("((LoadAvg - CondorLoadAvg) >= 0.5)"), ad["CpuBusy"]);
        Assert.Equal("$CondorVersion: 8.2.6 Dec 02 2014 BuildID: UW_development PRE-RELEASE-UWCS $", ad["CondorVersion"]);
    }

    [Fact]
    public void Long_format_separates_ads_at_blank_lines_and_unescapes_strings()
    {
        var ads = ClassAdLongParser.Parse(Fixtures.Read("htcondor", "condor_status-l-startds-htcondor-8.9.12-from-htcondor-tests.ads"));

        Assert.Equal(8, ads.Count);
        Assert.All(ads, ad => Assert.Equal("Machine", ad.String("MyType")));
        Assert.Equal(8, ads.Select(ad => ad.String("Name")).Distinct().Count());
        Assert.Contains("p=\"primary\"", ads[0].String("AddressV1"));
    }

    [Theory]
    [InlineData(ManualJson.Empty)]
    [InlineData(ManualJson.EmptyArray)]
    [InlineData("  \n")]
    public void Json_empty_queue_prints_nothing_or_an_empty_array(string output)
    {
        Assert.Empty(ClassAdJsonParser.Parse(output));
    }

    [Fact]
    public void Json_reads_values_nulls_and_expressions()
    {
        var ads = ClassAdJsonParser.Parse(ManualJson.Queue);

        Assert.Equal(4, ads.Count);
        Assert.Equal(1201L, ads[1]["ClusterId"]);
        Assert.Null(ads[0]["JobStartDate"]);
        Assert.Equal(new ClassAdExpression("((ResidentSetSize + 1023) / 1024)"), ads[1]["MemoryUsage"]);
        var jobs = ads.Select(ad => CondorJob.FromAd(ad)!).ToList();
        Assert.Equal(["1201.0", "1201.1", "1202.0", "1203.0"], jobs.Select(j => j.Id));
        Assert.Equal("apf.bnl-apf1.BNL_ATLAS_1.0f8fad5bd9cb469fa16570867728950e", jobs[0].Label);
    }

    [Theory]
    [InlineData("{\"ClusterId\": 1}")]
    [InlineData("[1, 2]")]
    [InlineData("[{\"ClusterId\": 1")]
    public void Json_that_is_not_a_list_of_ads_is_refused(string output)
    {
        Assert.ThrowsAny<Exception>(() => ClassAdJsonParser.Parse(output));
    }
}
