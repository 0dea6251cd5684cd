using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Http;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>/toolkits: list (filters, sort, pages), categories, retrieve by slug.</summary>
public sealed class ToolkitEndpoints(ToolkitCatalog catalog)
{
    private const string CursorPrefix = "tk";
    private const string Validation = ApiError.Slugs.ToolkitValidation;

    public void Map(IEndpointRouteBuilder routes, ApiVersion version)
    {
        var p = version.Prefix;
        routes.MapGet(p + "/toolkits", ctx => ListAsync(ctx, version));
        // A literal segment outranks {slug} in routing, so "categories" never reaches RetrieveAsync.
        routes.MapGet(p + "/toolkits/categories", CategoriesAsync);
        routes.MapGet(p + "/toolkits/{slug}", RetrieveAsync);
    }

    private Task ListAsync(HttpContext ctx, ApiVersion version)
    {
        var request = ctx.Request;
        var category = Query.String(request, "category");
        var managedBy = OneOf(request, "managed_by", "all", "composio", "all", "project");
        var type = OneOf(request, "type", "all", "native", "custom", "all");
        var sortBy = OneOf(request, "sort_by", "usage", "usage", "alphabetically");
        var includeDeprecated = Query.Bool(request, "include_deprecated") ?? false;
        var search = Query.String(request, "search");
        if (search is not null && search.Trim().Length < 3)
        {
            throw ApiException.BadRequest("Query parameter 'search' must be at least 3 characters long.", null, Validation);
        }
        var limit = Query.Limit(request, ApiVersion.DefaultLimit, version.MaxLimit);
        var cursor = ListCursor.Decode(Query.String(request, "cursor"), CursorPrefix);

        IEnumerable<ToolkitRecord> query = catalog.All;
        if (!includeDeprecated)
        {
            query = query.Where(t => !t.IsDeprecated);
        }
        if (!string.IsNullOrEmpty(category))
        {
            query = query.Where(t => t.Categories.Any(c =>
                c.Slug.Equals(category, StringComparison.OrdinalIgnoreCase) || c.Name.Equals(category, StringComparison.OrdinalIgnoreCase)));
        }
        if (managedBy == "composio")
        {
            query = query.Where(t => t.ManagedSchemes.Count > 0);
        }
        if (type != "all")
        {
            query = query.Where(t => t.Type.Equals(type, StringComparison.OrdinalIgnoreCase));
        }
        if (search is not null)
        {
            var term = search.Trim();
            query = query.Where(t => t.Slug.Contains(term, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        var matches = (sortBy == "alphabetically"
            ? query.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal)
            : query.OrderBy(t => t.Rank)).ToList();

        var page = Page.Of(matches, cursor, limit, CursorPrefix, ToolkitCatalog.ToListItem);
        return JsonResponse.WriteAsync(ctx, page.ToEnvelope(), StatusCodes.Status200OK);
    }

    private Task CategoriesAsync(HttpContext ctx)
    {
        var categories = catalog.All
            .SelectMany(t => t.Categories)
            .GroupBy(c => c.Slug, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => (JsonNode?)new JsonObject { ["id"] = c.Slug, ["name"] = c.Name })
            .ToArray();
        var page = new Page(new JsonArray(categories), null, 1, 1, categories.Length);
        return JsonResponse.WriteAsync(ctx, page.ToEnvelope(), StatusCodes.Status200OK);
    }

    private Task RetrieveAsync(HttpContext ctx)
    {
        var slug = ctx.Request.RouteValues["slug"] as string ?? "";
        var toolkit = catalog.Find(slug) ?? throw new ApiException(StatusCodes.Status404NotFound,
            ApiError.Slugs.ToolkitNotFound, $"Toolkit with slug \"{slug.ToLowerInvariant()}\" not found",
            "List available toolkits with GET /toolkits.");
        var version = Query.String(ctx.Request, "version");
        if (!string.IsNullOrEmpty(version) && !version.Equals("latest", StringComparison.OrdinalIgnoreCase) && !HasVersion(toolkit, version))
        {
            throw new ApiException(StatusCodes.Status404NotFound, ApiError.Slugs.ToolkitNotFound,
                $"Version \"{version}\" of toolkit \"{toolkit.Slug}\" not found", "Omit version or pass \"latest\".");
        }
        return JsonResponse.WriteAsync(ctx, toolkit.RetrieveJson, StatusCodes.Status200OK);
    }

    private static bool HasVersion(ToolkitRecord toolkit, string version)
    {
        var meta = toolkit.Raw["meta"] as JsonObject;
        if (meta?["version"] is JsonValue v && v.TryGetValue<string>(out var current) && current == version)
        {
            return true;
        }
        return meta?["available_versions"] is JsonArray versions
            && versions.Any(n => n is JsonValue a && a.TryGetValue<string>(out var s) && s == version);
    }

    private static string OneOf(HttpRequest request, string name, string defaultValue, params string[] allowed)
    {
        var value = Query.String(request, name);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        return match ?? throw ApiException.BadRequest(
            $"Query parameter '{name}' must be one of {string.Join(", ", allowed)}, got '{value}'.", null, Validation);
    }
}
