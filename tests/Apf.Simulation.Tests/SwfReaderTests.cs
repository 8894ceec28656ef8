using Apf.Simulation.Workload;

namespace Apf.Simulation.Tests;

public class SwfReaderTests
{
    private static string Trace(string name) => Path.Combine(AppContext.BaseDirectory, name);

    [Fact]
    public void Reads_an_archive_style_trace_with_comments_blank_lines_and_missing_values()
    {
        var records = SwfReader.ReadFile(Trace("Traces/archive-style.swf"));
        Assert.Equal(11, records.Count);
        Assert.Equal(new SwfRecord(1, 0, 22, 3600, 8, 7200, 1, 2, 1), records[0]);
        Assert.Equal(new SwfRecord(4, 217, 905, -1, 4, 900, 1, 1, 1), records[3]);
        Assert.Equal(new SwfRecord(5, 217, 4200, 3120, 64, 18000, 3, 2, 1), records[6]);
        Assert.Equal(86399, records[9].SubmitTime);
    }

    private static string Compressed(string plain)
    {
        var compressed = Path.Combine(Path.GetTempPath(), $"apf-{Guid.NewGuid():N}.swf.gz");
        using var output = new System.IO.Compression.GZipStream(File.Create(compressed), System.IO.Compression.CompressionLevel.Optimal);
        using var input = File.OpenRead(plain);
        input.CopyTo(output);
        return compressed;
    }

    [Fact]
    public void Reads_a_gzip_compressed_trace_as_the_archive_serves_them()
    {
        var plain = Trace("Traces/archive-style.swf");
        var compressed = Compressed(plain);
        try
        {
            Assert.Equal(SwfReader.ReadFile(plain), SwfReader.ReadFile(compressed));
        }
        finally
        {
            File.Delete(compressed);
        }
    }

    [Fact]
    public void A_gzip_file_cut_off_in_transfer_is_an_error_not_a_shorter_trace()
    {
        // GZipStream inflates a cut-off file up to the cut without an error; only the trailer's recorded
        // size tells that lines are missing (and the check comes before a half line could be parsed).
        var compressed = Compressed(Path.Combine(AppContext.BaseDirectory, "Examples", "mixed-day.swf"));
        try
        {
            var bytes = File.ReadAllBytes(compressed);
            File.WriteAllBytes(compressed, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<IOException>(() => SwfReader.ReadFile(compressed));
            Assert.StartsWith($"{Path.GetFileName(compressed)}: ", e.Message);
            Assert.Contains("the gzip file is cut off", e.Message);
        }
        finally
        {
            File.Delete(compressed);
        }
    }

    [Fact]
    public void A_file_that_only_looks_like_gzip_is_reported_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apf-{Guid.NewGuid():N}.swf.gz");
        try
        {
            File.WriteAllBytes(path, [0x1f, 0x8b, 0x08, 0x00, .. "garbage, not deflate data at all"u8.ToArray()]);
            var e = Assert.Throws<IOException>(() => SwfReader.ReadFile(path));
            Assert.StartsWith($"{Path.GetFileName(path)}: not a readable gzip file", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_workload_skips_jobs_without_times_and_falls_back_to_the_requested_time()
    {
        var built = SwfWorkload.Build(SwfReader.ReadFile(Trace("Traces/archive-style.swf")), QueueSpread.SwfQueue, 0, "t");
        Assert.Equal(2, built.Skipped);
        Assert.Equal(1, built.Cancelled);   // job 9: cancelled before it ran, so no work for a pilot
        Assert.Equal(2, built.Partial);     // job 5's partial executions; its summary line is the job
        var jobs = built.Workload.Jobs;
        Assert.Equal([1L, 2, 3, 4, 5, 8], jobs.Select(j => j.Id));
        Assert.Equal(900, jobs.Single(j => j.Id == 4).RunTime);
        Assert.Equal(6120, jobs.Single(j => j.Id == 5).RunTime);
        Assert.Equal(["q1", "q2", "q3"], built.Workload.Queues);
        Assert.Equal([1, 0, 2, 0, 1, 2], jobs.Select(j => j.Queue));   // SWF queues 2,1,3,1,2,3 in numeric order
    }

    [Fact]
    public void Round_robin_deals_jobs_in_submit_order()
    {
        var built = SwfWorkload.Build(SwfReader.ReadFile(Trace("Traces/archive-style.swf")), QueueSpread.RoundRobin, 4, "t");
        Assert.Equal(4, built.Workload.Queues.Count);
        Assert.Equal([(1L, 0), (2, 1), (3, 2), (4, 3), (5, 0), (8, 1)], built.Workload.Jobs.OrderBy(j => j.Id).Select(j => (j.Id, j.Queue)));
    }

    [Theory]
    [InlineData("analysis-bursts.swf")]
    [InlineData("mixed-day.swf")]
    [InlineData("production-steady.swf")]
    public void Reads_every_data_line_of_the_example_traces(string name)
    {
        var path = Trace(Path.Combine("Examples", name));
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith(';')).ToArray();
        var records = SwfReader.ReadFile(path);
        Assert.Equal(lines.Length, records.Count);
        var last = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        Assert.Equal(new SwfRecord(last[0], last[1], last[2], last[3], last[4], last[8], last[10], last[14], last[15]), records[^1]);
    }

    [Theory]
    [InlineData("1 0 0 10 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1", 3, "expected 18 fields, found 17")]
    [InlineData("1 0 0 10 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1 9", 3, "more than 18 fields")]
    [InlineData("1 0 0 ten 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1", 3, "field 4 is not a number: 'ten'")]
    [InlineData("1 0 0 10.5 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1", 3, "field 4 is not a whole number: '10.5'")]
    [InlineData("1 -7 0 10 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1", 3, "field 2 (submit time) is negative: -7")]
    public void A_malformed_line_stops_the_read_with_its_line_number(string bad, int line, string problem)
    {
        var text = $"; header\n2 0 0 10 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1\n{bad}\n3 5 0 10 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1\n";
        var e = Assert.Throws<SwfFormatException>(() => SwfReader.Read(new StringReader(text), "bad.swf"));
        Assert.Equal(line, e.Line);
        Assert.Equal($"bad.swf:{line}: {problem}", e.Message);
    }

    [Fact]
    public void Whole_numbers_written_with_a_decimal_point_are_accepted()
    {
        var records = SwfReader.Read(new StringReader("1 0 0 10.0 1 -1 -1 1 60 -1 1 1 1 -1 1 1 -1 -1"), "x.swf");
        Assert.Equal(10, records[0].RunTime);
    }
}
