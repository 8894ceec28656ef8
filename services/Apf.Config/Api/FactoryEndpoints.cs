using Apf.Config.Editing;
using Apf.Config.Security;
using Apf.Config.Store;
using Apf.Core.Configuration;

namespace Apf.Config.Api;

/// <summary>/api/factory, /api/validate, /api/export, /api/import: the factory section and the whole configuration.</summary>
public static class FactoryEndpoints
{
    public const string YamlType = "application/yaml";

    public static void MapFactoryEndpoints(this IEndpointRouteBuilder api)
    {
        var reads = api.MapGroup("").WithTags("Factory").AddEndpointFilter(new ApiKeyFilter(forWrites: false));
        var writes = api.MapGroup("").WithTags("Factory").AddEndpointFilter(new ApiKeyFilter(forWrites: true));

        reads.MapGet("/factory", async (IConfigStore store, CancellationToken ct) => Results.Ok(QueueViews.Factory(await store.LoadAsync(ct))))
            .WithSummary("The factory keys and the queue defaults").Produces<FactoryView>();

        reads.MapGet("/factory/history", async (IConfigStore store, CancellationToken ct) =>
            Results.Ok(new HistoryView(HistoryEntry.FactoryTarget, await store.HistoryAsync(HistoryEntry.FactoryTarget, ct))))
            .WithSummary("Every accepted change of the factory keys and defaults");

        writes.MapPut("/factory", (ReplaceFactoryRequest request, bool? dryRun, HttpContext http, ConfigEditor editor, CancellationToken ct) =>
            QueueEndpoints.Edit(http, editor, dryRun, FactoryEdits.Replace(request.Version, request.Factory ?? [], request.Defaults ?? []), ct,
                state => Results.Ok(QueueViews.Factory(state))))
            .WithSummary("Replace the factory keys and queue defaults; every queue is re-validated");

        reads.MapGet("/export", async (IConfigStore store, HttpResponse response, CancellationToken ct) =>
        {
            var state = await store.LoadAsync(ct);
            response.Headers[RevisionHeader] = state.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Text(YamlConfigWriter.Write(ConfigValidator.ToRaw(state)), YamlType);
        }).WithSummary("The whole configuration as Apf YAML; the X-Apf-Revision header gives the revision to import against")
          .Produces<string>(contentType: YamlType);

        reads.MapPost("/validate", async (HttpRequest request, ConfigValidator validator, CancellationToken ct) =>
        {
            var raw = YamlConfigReader.Read(await ReadText(request, ct), "request body");
            var report = validator.Validate(raw);
            return Results.Ok(new ValidationResponse(report.IsValid, report.Errors, report.Warnings, raw.Queues.Select(q => q.Name).ToList()));
        }).WithSummary("Validate a whole YAML configuration without saving it")
          .Accepts<string>(YamlType, "text/yaml", "text/plain").Produces<ValidationResponse>();

        writes.MapPost("/import", async (long revision, bool? dryRun, HttpRequest request, ConfigEditor editor, CancellationToken ct) =>
        {
            var raw = YamlConfigReader.Read(await ReadText(request, ct), "request body");
            return await Import(request.HttpContext, editor, revision, dryRun, raw, keepFactory: false, "YAML", ct);
        }).WithSummary("Replace the whole configuration with a YAML one; revision is the one you exported (409 if stale)")
          .Accepts<string>(YamlType, "text/yaml", "text/plain").Produces<ImportResponse>();

        writes.MapPost("/import/apf", async (long revision, bool? dryRun, IFormFile queues, IFormFile? factory, HttpContext http, ConfigEditor editor, CancellationToken ct) =>
        {
            var queuesText = await ReadFile(queues, ct);
            var factoryText = factory is null ? null : await ReadFile(factory, ct);
            var raw = IniConfigReader.Read(queuesText, FileName(queues, "queues.conf"), factoryText, factory is null ? null : FileName(factory, "factory.conf"));
            return await Import(http, editor, revision, dryRun, raw, keepFactory: factory is null, "APF INI", ct);
        }).WithSummary("Replace the whole configuration with APF's queues.conf (and factory.conf; without it the factory keys stay)")
          .DisableAntiforgery().Produces<ImportResponse>();
    }

    public const string RevisionHeader = "X-Apf-Revision";

    private static async Task<IResult> Import(HttpContext http, ConfigEditor editor, long revision, bool? dryRun, RawFactoryConfig raw, bool keepFactory, string what, CancellationToken ct)
    {
        // Unreadable input is rejected before anything is compared, with every problem found.
        if (raw.Errors.Count > 0)
            return EditResults.ToHttp(new EditResult(EditStatus.Invalid, StoredFactory.Empty, "the input could not be read; nothing was changed", raw.Errors), false, _ => Results.Ok());
        var result = await editor.EditAsync(ApiKeyFilter.HolderOf(http), dryRun ?? false, FactoryEdits.Import(revision, raw, keepFactory, what), ct);
        return EditResults.ToHttp(result, dryRun ?? false,
            state => Results.Ok(new ImportResponse(state.Revision, state.Queues.Count, result.Saved, result.Warnings ?? [])));
    }

    private static async Task<string> ReadText(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct);
    }

    private static async Task<string> ReadFile(IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>The uploaded file's own name (no client path), so errors name the file the operator knows.</summary>
    private static string FileName(IFormFile file, string fallback)
    {
        var name = Path.GetFileName(file.FileName ?? "");
        return name.Length == 0 ? fallback : name;
    }
}
