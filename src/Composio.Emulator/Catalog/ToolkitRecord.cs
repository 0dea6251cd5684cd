using System.Text.Json.Nodes;

namespace Composio.Emulator.Catalog;

/// <summary>
/// One field of an auth scheme (only what validation and masking need; the raw JSON is served as-is).
/// A field that is not <paramref name="UserVisible"/> is never demanded: its <paramref name="Default"/> applies.
/// </summary>
public sealed record FieldInfo(string Name, string DisplayName, bool IsSecret, bool UserVisible = true, string? Default = null);

/// <summary>One auth_config_details entry.</summary>
public sealed class AuthDetail
{
    public required string Mode { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<FieldInfo> CreationRequired { get; init; }
    public required IReadOnlyList<FieldInfo> CreationOptional { get; init; }

    /// <summary>connected_account_initiation required + optional, served as an auth config's expected_input_fields.</summary>
    public required JsonArray InitiationFields { get; init; }
}

/// <summary>
/// A toolkit: the raw record in the exact GET /toolkits/{slug} shape plus the facts parsed out of it.
/// </summary>
public sealed class ToolkitRecord
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required bool IsDeprecated { get; init; }
    public required string Logo { get; init; }
    public required IReadOnlyList<string> ManagedSchemes { get; init; }
    public required IReadOnlyList<AuthDetail> Details { get; init; }
    public required IReadOnlyList<(string Slug, string Name)> Categories { get; init; }

    /// <summary>Names of every field marked is_secret in any scheme, for masking credentials on reads.</summary>
    public required IReadOnlySet<string> SecretFieldNames { get; init; }

    public required JsonObject Raw { get; init; }

    /// <summary>Scheme → tool-to-scope map behind the scope endpoints (emulator-only data, not served).</summary>
    public IReadOnlyDictionary<string, Scopes.ScopeMap> ScopeMaps { get; init; } = new Dictionary<string, Scopes.ScopeMap>();

    /// <summary>
    /// Raw serialised once at start-up: GET /toolkits/{slug} then writes a string instead of
    /// cloning a node tree that concurrent requests would share.
    /// </summary>
    public string RetrieveJson { get; set; } = "";

    /// <summary>Position in the catalog: the "usage" sort order.</summary>
    public int Rank { get; set; }

    public IEnumerable<string> AuthSchemes => Details.Select(d => d.Mode).Distinct(StringComparer.Ordinal);

    public AuthDetail? FindDetail(string mode) =>
        Details.FirstOrDefault(d => string.Equals(d.Mode, mode, StringComparison.OrdinalIgnoreCase));
}
