using Apf.Core.Plugins;

namespace Apf.Bench.Broker;

/// <summary>A batch system that creates pilots instantly, so the bench measures the messaging and the Submitter's own work (ledger, reconciliation).</summary>
internal sealed class NullBatch : IBatchSubmitPlugin
{
    public const string Name = "BenchNull";

    public Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new SubmitOutcome(Enumerable.Range(0, request.Count).Select(i => $"{request.Label.CommandId:N}.{i}").ToList()));

    public Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
