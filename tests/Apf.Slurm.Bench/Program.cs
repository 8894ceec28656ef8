using Apf.Slurm.Bench;

// dotnet run -c Release --project tests/Apf.Slurm.Bench -- parse [jobs] [fixture.json]
// dotnet run -c Release --project tests/Apf.Slurm.Bench -- submit [pilots] [--ssh] [--singles=N]   (needs SLURM_CONF, e.g. from scripts/slurm/start-test-slurm.sh)
var mode = args.FirstOrDefault() ?? "parse";
return mode switch
{
    "parse" => ParseBench.Run(args.Skip(1).ToArray()),
    "submit" => await SubmitBench.RunAsync(args.Skip(1).ToArray()),
    "ssh" => await SshRoundTripBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Apf.Slurm.Bench parse [jobs] [v0.0.38 fixture] | submit [pilots] [--ssh] [--singles=N]");
    return 2;
}
