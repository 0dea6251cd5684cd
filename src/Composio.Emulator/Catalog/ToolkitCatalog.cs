using System.Text.Json.Nodes;

namespace Composio.Emulator.Catalog;

/// <summary>
/// The toolkits the emulator knows. Read-only after start-up, so lookups need no lock.
/// </summary>
public sealed class ToolkitCatalog
{
    private readonly Dictionary<string, ToolkitRecord> _bySlug = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ToolkitRecord> _ordered = new();

    public ToolkitCatalog(IEnumerable<ToolkitRecord> records)
    {
        foreach (var record in records)
        {
            // A later record with the same slug (from --catalog) replaces the built-in one in place.
            if (_bySlug.TryGetValue(record.Slug, out var existing))
            {
                _ordered[_ordered.IndexOf(existing)] = record;
            }
            else
            {
                _ordered.Add(record);
            }
            _bySlug[record.Slug] = record;
        }
        for (var i = 0; i < _ordered.Count; i++)
        {
            _ordered[i].Rank = i;
            _ordered[i].RetrieveJson = _ordered[i].Raw.ToJsonString(Http.JsonResponse.Options);
        }
    }

    public IReadOnlyList<ToolkitRecord> All => _ordered;

    public ToolkitRecord? Find(string? slug) =>
        slug is not null && _bySlug.TryGetValue(slug.Trim(), out var record) ? record : null;

    /// <summary>The GET /toolkits list-item shape, derived from the retrieve record.</summary>
    public static JsonObject ToListItem(ToolkitRecord t)
    {
        var meta = t.Raw["meta"] as JsonObject ?? new JsonObject();
        var schemes = t.AuthSchemes.ToList();
        return new JsonObject
        {
            ["slug"] = t.Slug,
            ["name"] = t.Name,
            ["type"] = t.Type,
            ["auth_schemes"] = StringArray(schemes),
            ["composio_managed_auth_schemes"] = StringArray(t.ManagedSchemes),
            ["no_auth"] = schemes.Count == 0 || schemes.All(s => s == "NO_AUTH"),
            ["is_local_toolkit"] = t.Raw["is_local_toolkit"] is JsonValue v && v.TryGetValue<bool>(out var local) && local,
            ["auth_guide_url"] = t.Raw["auth_guide_url"]?.DeepClone(),
            ["deprecated"] = new JsonObject { ["toolkitId"] = t.Raw["deprecated"]?["toolkitId"]?.DeepClone() ?? "" },
            ["meta"] = new JsonObject
            {
                ["description"] = meta["description"]?.DeepClone(),
                ["logo"] = meta["logo"]?.DeepClone(),
                ["app_url"] = meta["app_url"]?.DeepClone(),
                ["categories"] = new JsonArray(t.Categories
                    .Select(c => (JsonNode?)new JsonObject { ["id"] = c.Slug, ["name"] = c.Name }).ToArray()),
                ["tools_count"] = meta["tools_count"]?.DeepClone(),
                ["triggers_count"] = meta["triggers_count"]?.DeepClone(),
                ["version"] = meta["version"]?.DeepClone(),
                ["created_at"] = meta["created_at"]?.DeepClone(),
                ["updated_at"] = meta["updated_at"]?.DeepClone(),
            },
        };
    }

    public static JsonArray StringArray(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
