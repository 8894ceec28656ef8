namespace Apf.Config.Security;

/// <summary>
/// Lets a request through only with a valid X-Api-Key: 401 without a key, 403 with a wrong one.
/// Reads pass without a key unless ConfigService:RequireKeyForReads is set. The holder's name is
/// kept for the history.
/// </summary>
public sealed class ApiKeyFilter(bool forWrites) : IEndpointFilter
{
    private const string HolderItem = "apf.keyholder";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticator = http.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        if (!forWrites && !authenticator.ReadsNeedKey) return await next(context);
        var presented = http.Request.Headers[ApiKeyAuthenticator.Header].ToString();
        if (presented.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"send a key in the {ApiKeyAuthenticator.Header} header");
        var holder = authenticator.HolderOf(presented);
        if (holder is null)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "API key not accepted");
        http.Items[HolderItem] = holder;
        return await next(context);
    }

    public static string HolderOf(HttpContext http) => http.Items[HolderItem] as string ?? "anonymous";
}
