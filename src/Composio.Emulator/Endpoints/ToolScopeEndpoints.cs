using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Http;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// The published (GA) scope resolution, contract §9 item 7: POST /tools/scopes/required
/// `{tools, version?}` → `{scopes_required, per_tool_requirements: [{tool, scope_requirements:
/// {all_of: [scope | {any_of}]} | null}]}`, answered from the catalog's tool-to-scope maps. A scope
/// a broader one also grants is `{any_of: [narrow, broader…]}`; a tool no map knows has null.
/// </summary>
public sealed class ToolScopeEndpoints(ToolkitCatalog catalog)
{
    private const string Validation = ApiError.Slugs.ToolkitValidation;

    public void Map(IEndpointRouteBuilder routes, ApiVersion version) =>
        routes.MapPost(version.Prefix + "/tools/scopes/required", RequiredAsync);

    private async Task RequiredAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
        var tools = JsonRead.OptionalStringList(body, "tools", "tools", Validation)
            ?? throw ApiException.BadRequest("'tools' is required.", "Send \"tools\": [\"GITHUB_STAR_A_REPOSITORY\", …].", Validation);
        JsonRead.OptionalString(body, "version", "version", Validation);

        var required = new List<string>();
        var perTool = new JsonArray();
        foreach (var tool in tools)
        {
            var found = Find(tool);
            if (found is null)
            {
                perTool.Add(new JsonObject { ["tool"] = tool, ["scope_requirements"] = null });
                continue;
            }
            var (scopes, broader) = found.Value;
            required.AddRange(scopes.Where(scope => !required.Contains(scope, StringComparer.Ordinal)));
            perTool.Add(new JsonObject { ["tool"] = tool, ["scope_requirements"] = Requirements(scopes, broader) });
        }
        var response = new JsonObject
        {
            ["scopes_required"] = ToolkitCatalog.StringArray(required),
            ["per_tool_requirements"] = perTool,
        };
        await JsonResponse.WriteAsync(ctx, response, StatusCodes.Status200OK);
    }

    /// <summary>
    /// A tool's `scope_requirements`: `{all_of: [scope | {any_of: [scope, broader…]}]}`, where a
    /// scope a broader one also grants may be met by either. Also served by GET /tools.
    /// </summary>
    internal static JsonObject Requirements(IReadOnlyList<string> scopes, IReadOnlyDictionary<string, IReadOnlyList<string>> broader)
    {
        var allOf = new JsonArray();
        foreach (var scope in scopes)
        {
            var grantors = broader.Where(b => b.Value.Contains(scope, StringComparer.Ordinal)).Select(b => b.Key).ToList();
            allOf.Add(grantors.Count == 0
                ? JsonValue.Create(scope)
                : new JsonObject { ["any_of"] = ToolkitCatalog.StringArray(new[] { scope }.Concat(grantors)) });
        }
        return new JsonObject { ["all_of"] = allOf };
    }

    /// <summary>The tool's narrowest scopes and its scheme's broader-scope map; OAuth2 first, as tool slugs are global.</summary>
    private (IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, IReadOnlyList<string>> Broader)? Find(string tool)
    {
        foreach (var toolkit in catalog.All)
        {
            foreach (var (_, map) in toolkit.ScopeMaps.OrderBy(m => m.Key == "OAUTH2" ? 0 : 1))
            {
                var match = map.Tools.FirstOrDefault(t => t.Key.Equals(tool, StringComparison.OrdinalIgnoreCase));
                if (match.Key is not null)
                {
                    return (match.Value, map.Broader);
                }
            }
        }
        return null;
    }
}
