using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composio.Emulator.Catalog;

/// <summary>
/// Parses toolkit records (a JSON array in the GET /toolkits/{slug} shape) from the embedded
/// catalog or a --catalog file. Bad input fails start-up with a message naming the toolkit.
/// </summary>
public static class CatalogLoader
{
    public const string EmbeddedResourceName = "Composio.Emulator.Catalog.catalog.json";

    public static List<ToolkitRecord> LoadEmbedded()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing.");
        return Parse(JsonNode.Parse(stream), "built-in catalog");
    }

    public static List<ToolkitRecord> LoadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(JsonNode.Parse(stream), path);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {ex.Message}", ex);
        }
    }

    public static List<ToolkitRecord> Parse(JsonNode? root, string source)
    {
        if (root is not JsonArray array)
        {
            throw new InvalidDataException($"{source}: expected a JSON array of toolkit records.");
        }
        var result = new List<ToolkitRecord>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject obj)
            {
                throw new InvalidDataException($"{source}: every toolkit record must be a JSON object.");
            }
            var record = ParseToolkit(obj, source);
            // JsonNode materialises lazily; walk it once now so concurrent readers never race on that.
            Materialize(record.Raw);
            foreach (var detail in record.Details)
            {
                Materialize(detail.InitiationFields);
            }
            result.Add(record);
        }
        return result;
    }

    private static ToolkitRecord ParseToolkit(JsonObject raw, string source)
    {
        var slug = (raw["slug"] as JsonValue)?.GetValue<string>()?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(slug))
        {
            throw new InvalidDataException($"{source}: a toolkit record has no slug.");
        }
        raw["slug"] = slug;
        var name = Str(raw["name"]) ?? slug;
        var managed = (raw["composio_managed_auth_schemes"] as JsonArray)?
            .Select(n => Str(n)?.ToUpperInvariant()).OfType<string>().ToList() ?? new List<string>();
        raw["composio_managed_auth_schemes"] = new JsonArray(managed.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        var isDeprecated = raw[SpecShape.DeprecatedFlagKey] is JsonValue dep && dep.TryGetValue<bool>(out var isDep) && isDep;
        SpecShape.Complete(raw, slug, name, managed);
        var meta = (JsonObject)raw["meta"]!;

        var details = new List<AuthDetail>();
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (raw["auth_config_details"] is JsonArray detailArray)
        {
            foreach (var d in detailArray.OfType<JsonObject>())
            {
                var mode = Str(d["mode"])?.ToUpperInvariant()
                    ?? throw new InvalidDataException($"{source}: toolkit {slug} has an auth_config_details entry without mode.");
                d["mode"] = mode;
                var fields = d["fields"] as JsonObject;
                var creation = fields?["auth_config_creation"] as JsonObject;
                var initiation = fields?["connected_account_initiation"] as JsonObject;
                var initiationFields = new JsonArray();
                foreach (var f in Fields(initiation, "required").Concat(Fields(initiation, "optional")))
                {
                    initiationFields.Add(f.DeepClone());
                }
                var detail = new AuthDetail
                {
                    Mode = mode,
                    Name = Str(d["name"]) ?? $"{slug}_{mode.ToLowerInvariant()}",
                    CreationRequired = Fields(creation, "required").Select(ToInfo).ToList(),
                    CreationOptional = Fields(creation, "optional").Select(ToInfo).ToList(),
                    InitiationFields = initiationFields,
                };
                foreach (var f in Fields(creation, "required").Concat(Fields(creation, "optional"))
                             .Concat(Fields(initiation, "required")).Concat(Fields(initiation, "optional")))
                {
                    var info = ToInfo(f);
                    if (info.IsSecret)
                    {
                        secrets.Add(info.Name);
                    }
                }
                details.Add(detail);
            }
        }


        // Emulator-only data behind the scope endpoints: parsed here, never served with the toolkit.
        var scopeMaps = Scopes.ScopeMap.ParseAll(raw[Scopes.ScopeMap.CatalogKey], $"{source}: toolkit {slug}");
        raw.Remove(Scopes.ScopeMap.CatalogKey);

        var categories = (meta["categories"] as JsonArray)?.OfType<JsonObject>()
            .Select(c => (Slug: Str(c["slug"]) ?? Str(c["id"]) ?? "", Name: Str(c["name"]) ?? ""))
            .Where(c => c.Slug.Length > 0)
            .ToList() ?? new List<(string, string)>();

        return new ToolkitRecord
        {
            Slug = slug,
            Name = name,
            Type = Str(raw["type"]) ?? "native",
            IsDeprecated = isDeprecated,
            Logo = Str(meta["logo"]) ?? "",
            ManagedSchemes = managed,
            Details = details,
            Categories = categories,
            SecretFieldNames = secrets,
            Raw = raw,
            ScopeMaps = scopeMaps,
        };
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }
                break;
        }
    }

    private static IEnumerable<JsonObject> Fields(JsonObject? group, string key) =>
        (group?[key] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>();

    private static FieldInfo ToInfo(JsonObject f)
    {
        var name = Str(f["name"]) ?? "";
        var secret = f["is_secret"] is JsonValue v && v.TryGetValue<bool>(out var s) && s;
        // Absent means visible: records from before user_visible existed ask the user for every field.
        var visible = f["user_visible"] is not JsonValue uv || !uv.TryGetValue<bool>(out var shown) || shown;
        return new FieldInfo(name, Str(f["displayName"]) ?? name, secret, visible, Str(f["default"]));
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
