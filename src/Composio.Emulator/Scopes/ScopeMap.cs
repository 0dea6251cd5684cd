using System.Text.Json.Nodes;

namespace Composio.Emulator.Scopes;

/// <summary>A scope needed only in some grant contexts (`when`), by some tools (`for`).</summary>
public sealed record ConditionalScopeRule(string Scope, IReadOnlyDictionary<string, string> When, IReadOnlyList<string> For);

/// <summary>One grant-context dimension and the values it may take.</summary>
public sealed record GrantDimension(string Dimension, string Description, IReadOnlyList<string> Values);

/// <summary>
/// What the scope endpoints of one toolkit scheme know: the narrowest scopes each tool needs,
/// which broad scopes grant which narrow ones, scopes needed only in some grant contexts, and
/// those contexts. Read from the catalog record's emulator-only `emulator_scopes` key.
/// </summary>
public sealed class ScopeMap
{
    public const string CatalogKey = "emulator_scopes";

    /// <summary>Tool slug → its narrowest scopes, in catalog order (the order of "all tools").</summary>
    public required IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Tools { get; init; }

    /// <summary>Broad scope → the narrower scopes it grants.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Broader { get; init; }

    public required IReadOnlyList<ConditionalScopeRule> Conditional { get; init; }

    public required IReadOnlyList<GrantDimension> Dimensions { get; init; }

    public required IReadOnlyDictionary<string, string> DefaultContext { get; init; }

    /// <summary>A scheme the catalog has no scope data for: no tools, no dimensions.</summary>
    public static ScopeMap Empty { get; } = new()
    {
        Tools = Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>(),
        Broader = new Dictionary<string, IReadOnlyList<string>>(),
        Conditional = Array.Empty<ConditionalScopeRule>(),
        Dimensions = Array.Empty<GrantDimension>(),
        DefaultContext = new Dictionary<string, string>(),
    };

    /// <summary>Scheme (uppercase) → map, from `{"OAUTH2": {"tools": {...}, "broader": {...}, "conditional": [...], "grant_context": {...}}}`.</summary>
    public static Dictionary<string, ScopeMap> ParseAll(JsonNode? node, string where)
    {
        var result = new Dictionary<string, ScopeMap>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return result;
        }
        if (node is not JsonObject schemes)
        {
            throw new InvalidDataException($"{where}: '{CatalogKey}' must be an object of scheme → scope map.");
        }
        foreach (var (scheme, value) in schemes)
        {
            result[scheme.ToUpperInvariant()] = Parse(value as JsonObject
                ?? throw new InvalidDataException($"{where}: '{CatalogKey}.{scheme}' must be an object."), $"{where} {CatalogKey}.{scheme}");
        }
        return result;
    }

    private static ScopeMap Parse(JsonObject obj, string where)
    {
        var tools = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (tool, scopes) in Object(obj["tools"], where + ".tools"))
        {
            tools.Add(new(tool, Strings(scopes, $"{where}.tools.{tool}")));
        }
        var broader = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (scope, narrower) in Object(obj["broader"], where + ".broader"))
        {
            broader[scope] = Strings(narrower, $"{where}.broader.{scope}");
        }
        var conditional = new List<ConditionalScopeRule>();
        foreach (var item in (obj["conditional"] as JsonArray) ?? new JsonArray())
        {
            var rule = item as JsonObject ?? throw new InvalidDataException($"{where}.conditional: every entry must be an object.");
            conditional.Add(new ConditionalScopeRule(
                Text(rule["scope"], where + ".conditional.scope"),
                StringMap(rule["when"], where + ".conditional.when"),
                Strings(rule["for"], where + ".conditional.for")));
        }
        var context = obj["grant_context"] as JsonObject ?? new JsonObject();
        var dimensions = new List<GrantDimension>();
        foreach (var item in (context["dimensions"] as JsonArray) ?? new JsonArray())
        {
            var dimension = item as JsonObject ?? throw new InvalidDataException($"{where}.grant_context.dimensions: every entry must be an object.");
            dimensions.Add(new GrantDimension(
                Text(dimension["dimension"], where + ".grant_context.dimension"),
                (dimension["description"] as JsonValue)?.GetValue<string>() ?? "",
                Strings(dimension["values"], where + ".grant_context.values")));
        }
        return new ScopeMap
        {
            Tools = tools,
            Broader = broader,
            Conditional = conditional,
            Dimensions = dimensions,
            DefaultContext = StringMap(context["default"], where + ".grant_context.default"),
        };
    }

    private static JsonObject Object(JsonNode? node, string where) =>
        node is null ? new JsonObject() : node as JsonObject ?? throw new InvalidDataException($"{where} must be an object.");

    private static string Text(JsonNode? node, string where) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : throw new InvalidDataException($"{where} must be a non-empty string.");

    private static IReadOnlyList<string> Strings(JsonNode? node, string where) =>
        node is JsonArray array ? array.Select(n => Text(n, where)).ToList() : throw new InvalidDataException($"{where} must be an array of strings.");

    private static IReadOnlyDictionary<string, string> StringMap(JsonNode? node, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Object(node, where))
        {
            result[key] = Text(value, $"{where}.{key}");
        }
        return result;
    }
}
