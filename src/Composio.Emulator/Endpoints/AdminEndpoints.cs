using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Faults;
using Composio.Emulator.Http;
using Composio.Emulator.Requests;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// /_emulator/*: test control. No API key, not logged, never faulted.
/// </summary>
public sealed class AdminEndpoints(AuthConfigStore store, RequestLog log, FaultStore faults, ToolkitCatalog catalog)
{
    private const string Invalid = ApiError.Slugs.EmulatorInvalidRequest;
    private const int MaxSeed = 1_000_000;

    public void Map(IEndpointRouteBuilder routes)
    {
        var p = AdminPaths.Prefix;
        routes.MapPost(p + "/reset", ResetAsync);
        routes.MapGet(p + "/requests", ctx => JsonResponse.WriteAsync(ctx, log.ToJson(), StatusCodes.Status200OK));
        routes.MapDelete(p + "/requests", ctx =>
        {
            log.Clear();
            return JsonResponse.WriteAsync(ctx, new JsonObject(), StatusCodes.Status200OK);
        });
        routes.MapGet(p + "/faults", ctx => JsonResponse.WriteAsync(ctx, faults.ToJson(), StatusCodes.Status200OK));
        routes.MapPost(p + "/faults", AddFaultsAsync);
        routes.MapDelete(p + "/faults", ctx =>
        {
            faults.Clear();
            return JsonResponse.WriteAsync(ctx, new JsonObject(), StatusCodes.Status200OK);
        });
        routes.MapPost(p + "/seed", SeedAsync);
    }

    private Task ResetAsync(HttpContext ctx)
    {
        store.Clear();
        log.Clear();
        faults.Clear();
        return JsonResponse.WriteAsync(ctx, new JsonObject(), StatusCodes.Status200OK);
    }

    private async Task AddFaultsAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadObjectAsync(ctx, Invalid);
        faults.AddRange(ParseRules(body["rules"]));
        await JsonResponse.WriteAsync(ctx, faults.ToJson(), StatusCodes.Status200OK);
    }

    /// <summary>Accepts {"rules":[...]} (or, from a file, a bare array); all rules are parsed before any is added.</summary>
    public static List<FaultRule> ParseRules(JsonNode? rules)
    {
        if (rules is not JsonArray array)
        {
            throw ApiException.BadRequest("'rules' must be an array of fault rules.", "Send {\"rules\": [{\"kind\": \"status\", \"status\": 503}]}.", Invalid);
        }
        return array.Select(FaultRule.Parse).ToList();
    }

    private async Task SeedAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadObjectAsync(ctx, Invalid);
        var slug = JsonRead.OptionalString(body, "toolkit", "toolkit", Invalid) ?? "github";
        var toolkit = catalog.Find(slug) ?? throw ApiException.BadRequest($"Toolkit with slug \"{slug}\" not found", null, ApiError.Slugs.ToolkitNotFound);
        var count = body["count"] is JsonValue cv && cv.TryGetValue<int>(out var c) ? c : body["count"] is null ? 1 : -1;
        if (count is < 0 or > MaxSeed)
        {
            throw ApiException.BadRequest($"'count' must be an integer from 0 to {MaxSeed}.", null, Invalid);
        }
        var prefix = JsonRead.OptionalString(body, "name_prefix", "name_prefix", Invalid) ?? "seed-";
        var managed = JsonRead.OptionalBool(body, "managed", "managed", Invalid) ?? toolkit.ManagedSchemes.Count > 0;
        if (managed && toolkit.ManagedSchemes.Count == 0)
        {
            throw ApiException.BadRequest($"Toolkit \"{toolkit.Slug}\" has no Composio managed auth scheme.", "Pass \"managed\": false.", Invalid);
        }
        var detail = managed ? toolkit.FindDetail(toolkit.ManagedSchemes[0]) : toolkit.Details.FirstOrDefault();
        var scheme = managed ? toolkit.ManagedSchemes[0] : detail?.Mode ?? "NO_AUTH";
        var created = store.AddMany(count, i =>
        {
            JsonObject? credentials = null;
            if (!managed && detail is not null)
            {
                credentials = new JsonObject();
                foreach (var field in detail.CreationRequired)
                {
                    credentials[field.Name] = $"seed-{field.Name}-{i + 1}";
                }
            }
            return new AuthConfig
            {
                Type = managed ? AuthConfig.TypeDefault : AuthConfig.TypeCustom,
                ToolkitSlug = toolkit.Slug,
                Name = prefix + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                AuthScheme = scheme,
                Credentials = credentials,
            };
        });
        await JsonResponse.WriteAsync(ctx, new JsonObject { ["created"] = created }, StatusCodes.Status200OK);
    }
}
