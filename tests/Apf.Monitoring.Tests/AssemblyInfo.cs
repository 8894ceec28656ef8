// Every test host exports the same meter name ("Apf.Monitor"); one host at a time keeps /metrics exact.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
