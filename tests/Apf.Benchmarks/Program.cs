using Apf.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Apf.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Apf.Benchmarks -- --sizes   (JSON payload sizes only)
if (args is ["--sizes"])
{
    var json = new StatusJsonBenchmarks();
    json.Setup();
    var (batch, wms) = json.Sizes();
    Console.WriteLine($"BatchStatusObserved, 1,000 queues: {batch:N0} bytes of JSON");
    Console.WriteLine($"WmsStatusObserved, 1,000 queues: {wms:N0} bytes of JSON");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
