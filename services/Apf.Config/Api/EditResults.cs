using Apf.Config.Editing;
using Apf.Config.Store;

namespace Apf.Config.Api;

/// <summary>Turns an edit's outcome into its HTTP answer.</summary>
public static class EditResults
{
    public static IResult ToHttp(EditResult result, bool dryRun, Func<StoredFactory, IResult> ok) => result.Status switch
    {
        EditStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: result.Problem),
        EditStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "version conflict; nothing was changed",
            detail: result.Problem, extensions: new Dictionary<string, object?> { ["revision"] = result.State.Revision }),
        EditStatus.Invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid configuration; nothing was changed",
            detail: result.Problem, extensions: new Dictionary<string, object?>
            {
                ["errors"] = result.Errors ?? [],
                ["warnings"] = result.Warnings ?? [],
            }),
        _ when dryRun => Results.Ok(new ValidationResponse(true, [], result.Warnings ?? [], result.State.Queues.Select(q => q.Name).ToList())),
        _ => ok(result.State),
    };

    public static IResult Invalid(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid request; nothing was changed", detail: detail);
}
