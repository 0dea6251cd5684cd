using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Http;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// /auth_configs: create, list, retrieve, update, enable/disable, delete. Handlers are plain
/// RequestDelegates (no model binding) so start-up stays fast and every error has the Composio shape.
/// </summary>
public sealed class AuthConfigEndpoints(AuthConfigStore store, ToolkitCatalog catalog, AuthConfigView view, bool lossyPageLimit = false)
{
    private const string Validation = AuthConfigRules.Validation;
    private readonly AuthConfigCreateRules create = new(catalog);
    private readonly AuthConfigPatch patch = new(catalog);

    public void Map(IEndpointRouteBuilder routes, ApiVersion version)
    {
        var p = version.Prefix;
        routes.MapPost(p + "/auth_configs", CreateAsync);
        routes.MapGet(p + "/auth_configs", ctx => ListAsync(ctx, version));
        routes.MapGet(p + "/auth_configs/{id}", GetAsync);
        routes.MapPatch(p + "/auth_configs/{id}", UpdateAsync);
        routes.MapPatch(p + "/auth_configs/{id}/{status}", SetStatusAsync);
        routes.MapDelete(p + "/auth_configs/{id}", DeleteAsync);
    }

    private async Task CreateAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
        var draft = create.BuildDraft(body, out var toolkit);
        var response = store.Add(draft, c => new JsonObject
        {
            ["toolkit"] = new JsonObject { ["slug"] = toolkit.Slug },
            ["auth_config"] = new JsonObject
            {
                ["id"] = c.Id,
                ["auth_scheme"] = c.AuthScheme,
                ["is_composio_managed"] = c.IsComposioManaged,
                ["restrict_to_following_tools"] = ToolkitCatalog.StringArray(c.RestrictToFollowingTools),
            },
        });
        await JsonResponse.WriteAsync(ctx, response, StatusCodes.Status201Created);
    }

    private Task ListAsync(HttpContext ctx, ApiVersion version)
    {
        var request = ctx.Request;
        var slugs = Query.List(request, "toolkit_slug");
        var filter = new AuthConfigFilter(
            slugs.Count == 0 ? null : slugs.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            Query.Bool(request, "is_composio_managed"),
            Query.Bool(request, "show_disabled") ?? false,
            Query.String(request, "search") is { Length: > 0 } search ? search : null);
        var limit = Query.Limit(request, ApiVersion.DefaultLimit, version.MaxLimit);
        // --lossy-page-limit: the page is capped, but the cursor moves by the limit that was asked.
        int? advance = lossyPageLimit ? Query.Limit(request, ApiVersion.DefaultLimit, int.MaxValue) : null;
        var page = store.List(filter, limit, Query.String(request, "cursor"), view.Render, advance);
        return JsonResponse.WriteAsync(ctx, page.ToEnvelope(), StatusCodes.Status200OK);
    }

    private Task GetAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        if (!store.TryGet(id, view.Render, out var rendered))
        {
            throw NotFound(id);
        }
        return JsonResponse.WriteAsync(ctx, rendered, StatusCodes.Status200OK);
    }

    private async Task UpdateAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
        var type = AuthConfigPatch.ReadType(body);
        if (!store.TryUpdate(id, config => patch.Apply(config, type, body)))
        {
            throw NotFound(id);
        }
        await JsonResponse.WriteAsync(ctx, Success($"Auth config {id} updated"), StatusCodes.Status200OK);
    }

    private Task SetStatusAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var status = ctx.Request.RouteValues["status"] as string;
        bool enabled = status switch
        {
            "ENABLED" => true,
            "DISABLED" => false,
            _ => throw ApiException.BadRequest($"Invalid status \"{status}\".", "Use ENABLED or DISABLED.", Validation),
        };
        if (!store.TryUpdate(id, c => c.Enabled = enabled))
        {
            throw NotFound(id);
        }
        return JsonResponse.WriteAsync(ctx, Success($"Auth config {id} {(enabled ? "enabled" : "disabled")}"), StatusCodes.Status200OK);
    }

    private Task DeleteAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var revoke = Query.Bool(ctx.Request, "revoke_on_delete") ?? false;
        if (!store.Remove(id))
        {
            throw NotFound(id);
        }
        // The spec's delete answer: `{revoke_job_id?}` (§9 item 2), not the update's {success, message}.
        var body = new JsonObject();
        if (revoke)
        {
            body["revoke_job_id"] = "pj_" + RandomIds.Alphanumeric(12);
        }
        return JsonResponse.WriteAsync(ctx, body, StatusCodes.Status200OK);
    }

    /// <summary>The answer of update and status (contract §8 item 1; the spec types them `unknown`).</summary>
    private static JsonObject Success(string message) => new() { ["success"] = true, ["message"] = message };

    private static string RouteId(HttpContext ctx) => ctx.Request.RouteValues["id"] as string ?? "";

    private static ApiException NotFound(string id) =>
        new(StatusCodes.Status404NotFound, ApiError.Slugs.AuthConfigNotFound, $"Auth config {id} not found",
            "List auth configs with GET /auth_configs to find a valid id.");
}
