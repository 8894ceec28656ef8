using Apf.Monitoring.Live;
using Apf.Monitoring.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Apf.Monitoring.Api;

/// <summary>The JSON behind every page, and the live stream.</summary>
internal static class MonitorApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/queues", (MonitorState state) => Json(state.Overview()));
        api.MapGet("/queues/{name}", (string name, MonitorState state) =>
            state.Detail(name) is { } detail ? Json(detail) : NoQueue(name));
        api.MapGet("/queues/{name}/history", (string name, MonitorState state) =>
            state.History(name) is { } history ? Json(history) : NoQueue(name));
        api.MapGet("/pilots", (MonitorState monitor, string? queue, string? state, int? limit) =>
            Json(monitor.Pilots(queue, state, limit)));
        api.MapGet("/pilots/{id}", (string id, MonitorState state) =>
            state.Pilots().FirstOrDefault(p => p.PilotId == id) is { } pilot ? Json(pilot) : Results.NotFound());
        api.MapGet("/events", (LiveUpdates live, IHostApplicationLifetime lifetime, HttpContext http) =>
        {
            // An open page must not hold the host up when it stops.
            var until = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            http.Response.RegisterForDispose(until);
            return TypedResults.ServerSentEvents(live.SubscribeAsync(until.Token));
        });
    }

    private static IResult Json<T>(T value) => Results.Json(value, MonitorJson.Options);

    private static IResult NoQueue(string name) => Results.Problem($"no queue '{name}' is known to the monitor", statusCode: StatusCodes.Status404NotFound);
}
