using System.Text.Json;
using System.Text.Json.Nodes;
using Composio.Emulator.Errors;

namespace Composio.Emulator.Endpoints;

/// <summary>Typed reads of request-body properties that answer 400 naming the property on a wrong type.</summary>
public static class JsonRead
{
    public static string? OptionalString(JsonObject obj, string key, string path, string slug)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }
        throw ApiException.BadRequest($"'{path}' must be a string.", null, slug);
    }

    public static bool? OptionalBool(JsonObject obj, string key, string path, string slug)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }
        throw ApiException.BadRequest($"'{path}' must be true or false.", null, slug);
    }

    public static JsonObject? OptionalObject(JsonObject obj, string key, string path, string slug)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        return node as JsonObject ?? throw ApiException.BadRequest($"'{path}' must be an object.", null, slug);
    }

    public static List<string>? OptionalStringList(JsonObject obj, string key, string path, string slug)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonArray array && array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(n => n!.GetValue<string>()).ToList();
        }
        throw ApiException.BadRequest($"'{path}' must be an array of strings.", null, slug);
    }

    /// <summary>Scopes are a comma-joined string or a string array; anything else is a 400.</summary>
    public static void RequireScopes(JsonNode? node, string path, string slug)
    {
        if (node is null
            || (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            || (node is JsonArray a && a.All(n => n is JsonValue e && e.GetValueKind() == JsonValueKind.String)))
        {
            return;
        }
        throw ApiException.BadRequest($"'{path}' must be a comma-separated string or an array of strings.", null, slug);
    }

    /// <summary>True when a credential value counts as given: non-null and not an empty string.</summary>
    public static bool HasValue(JsonNode? node) =>
        node switch
        {
            null => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetValue<string>()),
            JsonArray a => a.Count > 0,
            _ => true,
        };
}
