using System.Text.Json;
using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Http;
using Composio.Emulator.Scopes;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// The beta scope endpoints (contract §8 item 7): POST /toolkits/{slug}/scopes/recommended and
/// GET /toolkits/{slug}/scopes/grant_context, answered from the catalog's tool-to-scope maps.
/// </summary>
public sealed class ToolkitScopeEndpoints(ToolkitCatalog catalog)
{
    private const string Validation = ApiError.Slugs.ToolkitValidation;
    private const string DefaultScheme = "OAUTH2";
    private const string LatestVersion = "latest";

    public void Map(IEndpointRouteBuilder routes, ApiVersion version)
    {
        var p = version.Prefix;
        routes.MapPost(p + "/toolkits/{slug}/scopes/recommended", RecommendAsync);
        routes.MapGet(p + "/toolkits/{slug}/scopes/grant_context", GrantContextAsync);
    }

    private async Task RecommendAsync(HttpContext ctx)
    {
        var toolkit = FindToolkit(ctx);
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
        if (!body.ContainsKey("tools"))
        {
            throw ApiException.BadRequest("'tools' is required.", "Send \"tools\": [] for every tool of the toolkit.", Validation);
        }
        var tools = JsonRead.OptionalStringList(body, "tools", "tools", Validation) ?? new List<string>();
        var scheme = Scheme(toolkit, JsonRead.OptionalString(body, "auth_scheme", "auth_scheme", Validation));
        var version = Version(toolkit, JsonRead.OptionalString(body, "toolkit_version", "toolkit_version", Validation));
        var map = toolkit.ScopeMaps.TryGetValue(scheme, out var found) ? found : ScopeMap.Empty;
        var grantContext = GrantContext(map, JsonRead.OptionalObject(body, "grant_context", "grant_context", Validation));
        var include = JsonRead.OptionalStringList(body, "include", "include", Validation) ?? new List<string>();
        var exclude = JsonRead.OptionalStringList(body, "exclude", "exclude", Validation) ?? new List<string>();
        var available = JsonRead.OptionalStringList(body, "available_scopes", "available_scopes", Validation);

        var result = ScopeRecommender.Recommend(map, tools, grantContext, include, exclude, available, toolkit.Slug);
        var response = new JsonObject
        {
            ["auth_scheme"] = scheme,
            ["toolkit_version"] = version,
            ["grant_context"] = StringObject(result.GrantContext),
            ["scopes"] = new JsonObject
            {
                ["least_privilege"] = ToolkitCatalog.StringArray(result.LeastPrivilege),
                ["fewest"] = ToolkitCatalog.StringArray(result.Fewest),
                ["conditional"] = new JsonArray(result.Conditional.Select(c => (JsonNode?)new JsonObject
                {
                    ["scope"] = c.Scope,
                    ["when"] = StringObject(c.When),
                    ["for"] = ToolkitCatalog.StringArray(c.For),
                }).ToArray()),
            },
        };
        await JsonResponse.WriteAsync(ctx, response, StatusCodes.Status200OK);
    }

    private Task GrantContextAsync(HttpContext ctx)
    {
        var toolkit = FindToolkit(ctx);
        var scheme = Scheme(toolkit, Query.String(ctx.Request, "auth_scheme"));
        var version = Version(toolkit, Query.String(ctx.Request, "toolkit_version"));
        var map = toolkit.ScopeMaps.TryGetValue(scheme, out var found) ? found : ScopeMap.Empty;
        var response = new JsonObject
        {
            ["auth_scheme"] = scheme,
            ["toolkit_version"] = version,
            ["grant_context_dimensions"] = new JsonArray(map.Dimensions.Select(d => (JsonNode?)new JsonObject
            {
                ["dimension"] = d.Dimension,
                ["description"] = d.Description,
                ["values"] = ToolkitCatalog.StringArray(d.Values),
            }).ToArray()),
            ["default_grant_context"] = StringObject(map.DefaultContext),
        };
        return JsonResponse.WriteAsync(ctx, response, StatusCodes.Status200OK);
    }

    private ToolkitRecord FindToolkit(HttpContext ctx)
    {
        var slug = ctx.Request.RouteValues["slug"] as string ?? "";
        return catalog.Find(slug) ?? throw new ApiException(StatusCodes.Status404NotFound, ApiError.Slugs.ToolkitNotFound,
            $"Toolkit with slug \"{slug.ToLowerInvariant()}\" not found", "List available toolkits with GET /toolkits.");
    }

    /// <summary>The scheme asked for (OAUTH2 when none), which the toolkit must offer.</summary>
    private static string Scheme(ToolkitRecord toolkit, string? requested)
    {
        var scheme = string.IsNullOrEmpty(requested) ? DefaultScheme : requested;
        return toolkit.FindDetail(scheme)?.Mode ?? throw ApiException.BadRequest(
            $"Auth scheme \"{scheme}\" is not supported for toolkit \"{toolkit.Slug}\". Valid auth schemes: {string.Join(", ", toolkit.AuthSchemes)}",
            "Send auth_scheme: one of the toolkit's schemes.", Validation);
    }

    /// <summary>"latest" (the default) or the toolkit's current version; echoed as asked.</summary>
    private static string Version(ToolkitRecord toolkit, string? requested)
    {
        if (string.IsNullOrEmpty(requested) || requested.Equals(LatestVersion, StringComparison.OrdinalIgnoreCase))
        {
            return LatestVersion;
        }
        var current = (toolkit.Raw["meta"]?["version"] as JsonValue)?.GetValue<string>();
        if (requested != current)
        {
            throw new ApiException(StatusCodes.Status404NotFound, ApiError.Slugs.ToolkitNotFound,
                $"Version \"{requested}\" of toolkit \"{toolkit.Slug}\" not found", "Omit toolkit_version or send \"latest\".");
        }
        return requested;
    }

    /// <summary>Each key a known dimension, each value one of its values: anything else is a 400 naming what is valid.</summary>
    private static Dictionary<string, string> GrantContext(ScopeMap map, JsonObject? given)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in given ?? new JsonObject())
        {
            var dimension = map.Dimensions.FirstOrDefault(d => d.Dimension == key) ?? throw ApiException.BadRequest(
                $"Unknown grant_context dimension \"{key}\".",
                map.Dimensions.Count == 0 ? "This toolkit has no grant-context dimensions; send {}." : $"Dimensions: {string.Join(", ", map.Dimensions.Select(d => d.Dimension))}.",
                Validation);
            var value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (value is null || !dimension.Values.Contains(value))
            {
                throw ApiException.BadRequest($"grant_context.{key} must be one of: {string.Join(", ", dimension.Values)}.", null, Validation);
            }
            result[key] = value;
        }
        return result;
    }

    private static JsonObject StringObject(IReadOnlyDictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }
        return result;
    }
}
