using System.Text.Json.Nodes;
using Composio.Emulator.Errors;

namespace Composio.Emulator.Endpoints;

/// <summary>The one key-by-key merge of a PATCH: credentials, shared credentials and tool access all merge this way.</summary>
public static class JsonMerge
{
    /// <summary>Merges a patch object key by key into <paramref name="current"/> (a null value removes the key); null clears all.</summary>
    public static JsonObject Patch(JsonObject? current, JsonNode? patch, string path, string slug)
    {
        if (patch is null)
        {
            return new JsonObject();
        }
        if (patch is not JsonObject changes)
        {
            throw ApiException.BadRequest($"'{path}' must be an object or null.", null, slug);
        }
        var merged = (JsonObject?)current?.DeepClone() ?? new JsonObject();
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }
        return merged;
    }
}
