using Apf.Config.Editing;
using Apf.Config.Security;
using Apf.Config.Store;

namespace Apf.Config.Api;

/// <summary>/api/queues: list, read, create, replace, patch, delete, enable, disable, history.</summary>
public static class QueueEndpoints
{
    public static void MapQueueEndpoints(this IEndpointRouteBuilder api)
    {
        var reads = api.MapGroup("/queues").WithTags("Queues").AddEndpointFilter(new ApiKeyFilter(forWrites: false));
        var writes = api.MapGroup("/queues").WithTags("Queues").AddEndpointFilter(new ApiKeyFilter(forWrites: true));

        reads.MapGet("/", async (IConfigStore store, CancellationToken ct) =>
        {
            var state = await store.LoadAsync(ct);
            return Results.Ok(state.Queues.Select(q => QueueViews.Summary(state, q)).ToList());
        }).WithSummary("List the queues");

        reads.MapGet("/{name}", async (string name, IConfigStore store, QueueViews views, CancellationToken ct) =>
        {
            var state = await store.LoadAsync(ct);
            return state.Find(name) is { } queue
                ? Results.Ok(views.View(state, queue))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: $"no queue named '{name}'");
        }).WithSummary("A queue's own keys and its effective values after defaults, with the origin of each")
          .Produces<QueueView>();

        reads.MapGet("/{name}/history", async (string name, IConfigStore store, CancellationToken ct) =>
            Results.Ok(new HistoryView(name, await store.HistoryAsync(name, ct))))
            .WithSummary("Every accepted change of a queue: who, when, old and new values");

        writes.MapPost("/", (CreateQueueRequest request, bool? dryRun, HttpContext http, ConfigEditor editor, QueueViews views, CancellationToken ct) =>
        {
            var name = request.Name?.Trim() ?? "";
            return Edit(http, editor, dryRun, QueueEdits.Create(name, request.Settings ?? []), ct,
                state => Results.Created($"/api/queues/{Uri.EscapeDataString(name)}", views.View(state, state.Find(name)!)));
        })
            .WithSummary("Create a queue (409 if it exists); dryRun=true only validates");

        writes.MapPut("/{name}", (string name, ReplaceQueueRequest request, bool? dryRun, HttpContext http, ConfigEditor editor, QueueViews views, CancellationToken ct) =>
            Edit(http, editor, dryRun, QueueEdits.Replace(name, request.Version, request.Settings ?? []), ct, state => Found(views, state, name)))
            .WithSummary("Replace a queue's keys; version is the one you read (409 if stale)");

        writes.MapPatch("/{name}", (string name, PatchQueueRequest request, bool? dryRun, HttpContext http, ConfigEditor editor, QueueViews views, CancellationToken ct) =>
            Edit(http, editor, dryRun, QueueEdits.Patch(name, request.Version, request.Set ?? [], request.Remove ?? []), ct, state => Found(views, state, name)))
            .WithSummary("Set some keys and remove others; version is the one you read (409 if stale)");

        writes.MapDelete("/{name}", (string name, long version, HttpContext http, ConfigEditor editor, CancellationToken ct) =>
            Edit(http, editor, false, QueueEdits.Delete(name, version), ct, _ => Results.NoContent()))
            .WithSummary("Delete a queue; version is the one you read (409 if stale)");

        writes.MapPost("/{name}/enable", (string name, long version, HttpContext http, ConfigEditor editor, QueueViews views, CancellationToken ct) =>
            Edit(http, editor, false, QueueEdits.SetEnabled(name, version, true), ct, state => Found(views, state, name)))
            .WithSummary("Enable a queue (sets enabled = true)");

        writes.MapPost("/{name}/disable", (string name, long version, HttpContext http, ConfigEditor editor, QueueViews views, CancellationToken ct) =>
            Edit(http, editor, false, QueueEdits.SetEnabled(name, version, false), ct, state => Found(views, state, name)))
            .WithSummary("Disable a queue (sets enabled = false)");
    }

    internal static async Task<IResult> Edit(HttpContext http, ConfigEditor editor, bool? dryRun, ConfigEditor.Propose propose,
        CancellationToken ct, Func<StoredFactory, IResult> ok)
    {
        var result = await editor.EditAsync(ApiKeyFilter.HolderOf(http), dryRun ?? false, propose, ct);
        return EditResults.ToHttp(result, dryRun ?? false, ok);
    }

    private static IResult Found(QueueViews views, StoredFactory state, string name) =>
        state.Find(name) is { } queue ? Results.Ok(views.View(state, queue)) : Results.NoContent();
}
