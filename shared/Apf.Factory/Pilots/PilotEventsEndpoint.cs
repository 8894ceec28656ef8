using Apf.Contracts;
using Apf.Factory.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Apf.Factory.Pilots;

/// <summary>
/// Where pilot wrappers report: <c>POST /api/pilots/events</c> with a <see cref="PilotEvent"/> as JSON.
/// A bad payload gets 400 with every problem and changes nothing. A report the bus cannot take within
/// <see cref="BoundedPublish.Limit"/> gets 503: a publish lost as the broker drops the connection never
/// ends and ignores the request's abort (see BoundedPublish), and thousands of pilots reporting would
/// each leave such a request behind.
/// </summary>
public static class PilotEventsEndpoint
{
    public const string Path = "/api/pilots/events";

    private static readonly string[] Kinds = ["start", "heartbeat", "end"];

    public static IEndpointRouteBuilder MapPilotEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpRequest request, IBus bus, TimeProvider time, CancellationToken cancellationToken) =>
        {
            PilotEvent? pilotEvent;
            try
            {
                pilotEvent = await request.ReadFromJsonAsync<PilotEvent>(cancellationToken);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not a pilot event: {e.Message}"] });
            }
            var problems = Validate(pilotEvent);
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var accepted = pilotEvent! with { At = pilotEvent.At == default ? time.GetUtcNow() : pilotEvent.At };
            try
            {
                await bus.PublishWithinLimit(accepted, time, cancellationToken);
            }
            catch (TimeoutException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Accepted();
        });
        return endpoints;
    }

    private static Dictionary<string, string[]> Validate(PilotEvent? e)
    {
        var problems = new Dictionary<string, string[]>();
        if (e is null) return new() { ["body"] = ["a JSON pilot event is required"] };
        if (string.IsNullOrWhiteSpace(e.Factory)) problems["factory"] = ["required"];
        if (string.IsNullOrWhiteSpace(e.Queue)) problems["queue"] = ["required"];
        if (string.IsNullOrWhiteSpace(e.PilotId)) problems["pilotId"] = ["required"];
        if (!Kinds.Contains(e.Kind)) problems["kind"] = [$"must be one of {string.Join(", ", Kinds)}"];
        if (e.JobsRun < 0 || e.JobsFailed < 0) problems["jobsRun"] = ["must not be negative"];
        return problems;
    }
}
