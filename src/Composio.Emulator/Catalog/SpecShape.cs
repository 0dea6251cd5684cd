using System.Text.Json.Nodes;

namespace Composio.Emulator.Catalog;

/// <summary>
/// Completes a toolkit record to the published spec's retrieve shape (`@composio/client`
/// 2.0.0-rc.6): every member the spec requires is present, with a neutral value when the catalog
/// leaves it out, and emulator-only keys are not served. Catalog files may stay short.
/// </summary>
public static class SpecShape
{
    /// <summary>Keys the catalog may carry for the emulator itself, never served.</summary>
    public const string DeprecatedFlagKey = "is_deprecated";

    public static void Complete(JsonObject raw, string slug, string name, IReadOnlyList<string> managedSchemes)
    {
        raw.Remove(DeprecatedFlagKey);
        raw["name"] = name;
        Default(raw, "type", "native");
        Default(raw, "enabled", true);
        Default(raw, "is_local_toolkit", false);
        if (raw["composio_managed_auth"] is not JsonArray)
        {
            raw["composio_managed_auth"] = new JsonArray(managedSchemes.Select(m => (JsonNode?)new JsonObject
            {
                ["mode"] = m,
                ["scopes"] = new JsonObject { ["available"] = new JsonArray() },
            }).ToArray());
        }
        foreach (var detail in (raw["auth_config_details"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
        {
            Default(detail, "name", $"{slug}_{((detail["mode"] as JsonValue)?.ToString() ?? "auth").ToLowerInvariant()}");
            var fields = detail["fields"] as JsonObject ?? new JsonObject();
            detail["fields"] = fields;
            foreach (var group in new[] { "auth_config_creation", "connected_account_initiation" })
            {
                var members = fields[group] as JsonObject ?? new JsonObject();
                fields[group] = members;
                foreach (var kind in new[] { "required", "optional" })
                {
                    var list = members[kind] as JsonArray ?? new JsonArray();
                    members[kind] = list;
                    foreach (var field in list.OfType<JsonObject>())
                    {
                        Default(field, "displayName", (field["name"] as JsonValue)?.ToString() ?? "");
                        Default(field, "type", "string");
                        Default(field, "description", "");
                        Default(field, "required", kind == "required");
                    }
                }
            }
        }
        var meta = raw["meta"] as JsonObject ?? new JsonObject();
        raw["meta"] = meta;
        foreach (var key in new[] { "created_at", "updated_at" })
        {
            Default(meta, key, "2025-01-01T00:00:00.000Z");
        }
        Default(meta, "description", name);
        Default(meta, "logo", "");
        Default(meta, "categories", new JsonArray());
        Default(meta, "triggers_count", 0);
        Default(meta, "tools_count", 0);
        Default(meta, "version", "latest");
        Default(meta, "available_versions", new JsonArray());
        var deprecated = raw["deprecated"] as JsonObject ?? new JsonObject();
        raw["deprecated"] = deprecated;
        Default(deprecated, "toolkitId", "");
        Default(deprecated, "rawProxyInfoByAuthSchemes", new JsonArray());
    }

    /// <summary>Sets <paramref name="key"/> when it is absent or null.</summary>
    private static void Default(JsonObject obj, string key, JsonNode value)
    {
        if (obj[key] is null)
        {
            obj[key] = value;
        }
    }
}
