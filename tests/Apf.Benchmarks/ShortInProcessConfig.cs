using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Apf.Benchmarks;

/// <summary>
/// BenchmarkDotNet's short run, in process: no generated project to build (the repository's
/// Directory.Build.props and central package versions would apply to it), and a whole run stays
/// within a few minutes on the 2-core build machine.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
