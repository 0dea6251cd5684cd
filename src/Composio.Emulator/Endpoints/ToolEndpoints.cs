using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Http;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// GET /tools: the tools of the catalog's toolkits in the spec's `ToolsPaginated` shape
/// (`items: Tool[]`, next_cursor, total_pages, current_page, total_items). The tools are the ones
/// the catalog's scope maps name (emulator-only data), each with the scopes its map gives; a
/// toolkit without a map has none. Filters: toolkit_slug, tool_slugs (overrides the others),
/// query (or the deprecated search) on slug, name and description, scopes, include_deprecated;
/// the service's other filters (important, tags, auth_config_ids, toolkit_versions) are accepted
/// and do not narrow, as the catalog has no data for them.
/// </summary>
public sealed class ToolEndpoints(ToolkitCatalog catalog)
{
    private const string CursorPrefix = "tl";

    private readonly Lazy<IReadOnlyList<(ToolkitRecord Toolkit, JsonObject Item)>> _tools = new(() => Build(catalog));

    public void Map(IEndpointRouteBuilder routes, ApiVersion version) =>
        routes.MapGet(version.Prefix + "/tools", ctx => ListAsync(ctx, version));

    private Task ListAsync(HttpContext ctx, ApiVersion version)
    {
        var request = ctx.Request;
        var toolkit = Query.String(request, "toolkit_slug");
        var slugs = Query.String(request, "tool_slugs");
        var text = Query.String(request, "query") ?? Query.String(request, "search");
        var scopes = request.Query["scopes"].SelectMany(s => (s ?? "").Split(',')).Where(s => s.Length > 0).ToList();
        var includeDeprecated = Query.Bool(request, "include_deprecated") ?? false;
        var limit = Query.Limit(request, ApiVersion.DefaultLimit, version.MaxLimit);
        var cursor = ListCursor.Decode(Query.String(request, "cursor"), CursorPrefix);

        IEnumerable<(ToolkitRecord Toolkit, JsonObject Item)> query = _tools.Value;
        if (!string.IsNullOrEmpty(slugs))
        {
            var wanted = slugs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(t => wanted.Contains(Text(t.Item, "slug"), StringComparer.OrdinalIgnoreCase));
        }
        else
        {
            if (!includeDeprecated)
            {
                query = query.Where(t => !t.Toolkit.IsDeprecated);
            }
            if (!string.IsNullOrEmpty(toolkit))
            {
                query = query.Where(t => t.Toolkit.Slug.Equals(toolkit.Trim(), StringComparison.OrdinalIgnoreCase));
            }
            if (scopes.Count > 0)
            {
                query = query.Where(t => t.Item["scopes"]!.AsArray().Any(s => scopes.Contains(s!.GetValue<string>(), StringComparer.Ordinal)));
            }
            if (!string.IsNullOrWhiteSpace(text))
            {
                var term = text.Trim();
                query = query.Where(t => new[] { "slug", "name", "description" }.Any(m => Text(t.Item, m).Contains(term, StringComparison.OrdinalIgnoreCase)));
            }
        }
        var page = Page.Of(query.ToList(), cursor, limit, CursorPrefix, t => t.Item.DeepClone());
        return JsonResponse.WriteAsync(ctx, page.ToEnvelope(), StatusCodes.Status200OK);
    }

    private static string Text(JsonObject item, string member) => item[member]?.GetValue<string>() ?? "";

    /// <summary>Every tool the catalog's scope maps name, toolkit by toolkit, each once (the OAuth2 map first).</summary>
    private static IReadOnlyList<(ToolkitRecord, JsonObject)> Build(ToolkitCatalog catalog)
    {
        var tools = new List<(ToolkitRecord, JsonObject)>();
        foreach (var toolkit in catalog.All)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, map) in toolkit.ScopeMaps.OrderBy(m => m.Key == "OAUTH2" ? 0 : 1))
            {
                foreach (var (slug, scopes) in map.Tools.Where(t => seen.Add(t.Key)))
                {
                    tools.Add((toolkit, Item(toolkit, slug, scopes, map.Broader)));
                }
            }
        }
        return tools;
    }

    /// <summary>One tool in the spec's `Tool` shape (every required member), derived from its slug and toolkit.</summary>
    private static JsonObject Item(ToolkitRecord toolkit, string slug, IReadOnlyList<string> scopes, IReadOnlyDictionary<string, IReadOnlyList<string>> broader)
    {
        var meta = toolkit.Raw["meta"] as JsonObject;
        var version = meta?["version"]?.GetValue<string>() ?? "00000000_00";
        var versions = meta?["available_versions"]?.DeepClone() as JsonArray ?? ToolkitCatalog.StringArray(new[] { version });
        var name = DisplayName(toolkit.Slug, slug);
        var description = $"{name} ({toolkit.Name}).";
        return new JsonObject
        {
            ["slug"] = slug,
            ["name"] = name,
            ["description"] = description,
            ["human_description"] = description,
            ["toolkit"] = new JsonObject { ["slug"] = toolkit.Slug, ["name"] = toolkit.Name, ["logo"] = toolkit.Logo },
            ["input_parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
            ["output_parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
            ["no_auth"] = false,
            ["available_versions"] = versions,
            ["version"] = version,
            ["scopes"] = ToolkitCatalog.StringArray(scopes),
            ["scope_requirements"] = ToolScopeEndpoints.Requirements(scopes, broader),
            ["tags"] = new JsonArray(),
            ["is_deprecated"] = toolkit.IsDeprecated,
            ["deprecated"] = new JsonObject
            {
                ["displayName"] = name,
                ["version"] = version,
                ["available_versions"] = versions.DeepClone(),
                ["is_deprecated"] = toolkit.IsDeprecated,
                ["toolkit"] = new JsonObject { ["logo"] = toolkit.Logo },
            },
        };
    }

    /// <summary>"GITHUB_STAR_A_REPOSITORY" of github → "Star a repository", as the service names its tools.</summary>
    private static string DisplayName(string toolkit, string slug)
    {
        var words = slug.StartsWith(toolkit + "_", StringComparison.OrdinalIgnoreCase) ? slug[(toolkit.Length + 1)..] : slug;
        var text = words.Replace('_', ' ').ToLowerInvariant();
        return text.Length == 0 ? slug : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
