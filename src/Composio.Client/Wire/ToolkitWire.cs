using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>A toolkit as list items and retrieve return it (retrieve adds the auth details).</summary>
    internal sealed class ToolkitWire
    {
        [JsonPropertyName("slug")] public string? Slug { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("enabled")] public bool? Enabled { get; set; }
        [JsonPropertyName("auth_schemes")] public List<string>? AuthSchemes { get; set; }
        [JsonPropertyName("composio_managed_auth_schemes")] public List<string>? ComposioManagedAuthSchemes { get; set; }
        [JsonPropertyName("composio_managed_auth")] public List<ManagedAuthWire>? ComposioManagedAuth { get; set; }
        [JsonPropertyName("no_auth")] public bool? NoAuth { get; set; }
        [JsonPropertyName("auth_guide_url")] public string? AuthGuideUrl { get; set; }
        [JsonPropertyName("base_url")] public string? BaseUrl { get; set; }
        // Retrieve answers `deprecated` as an object of legacy ids, not a flag; the flag is `is_deprecated`.
        [JsonPropertyName("deprecated")] public JsonElement? Deprecated { get; set; }
        [JsonPropertyName("is_deprecated")] public bool? IsDeprecated { get; set; }
        [JsonPropertyName("meta")] public ToolkitMetaWire? Meta { get; set; }
        [JsonPropertyName("auth_config_details")] public List<AuthConfigDetailWire>? AuthConfigDetails { get; set; }

        public Toolkit ToModel()
        {
            var slug = (Slug ?? string.Empty).ToLowerInvariant();
            // The spec requires composio_managed_auth and makes composio_managed_auth_schemes optional: both are read.
            var managed = (ComposioManagedAuthSchemes ?? new List<string>())
                .Concat((ComposioManagedAuth ?? new List<ManagedAuthWire>()).Select(m => m.Mode ?? string.Empty))
                .Where(s => s.Length > 0)
                .Select(s => s.ToUpperInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            var details = AuthConfigDetails?.Select(d => d.ToModel(slug, managed, ComposioManagedAuth)).ToArray();
            var schemes = AuthSchemes?.Select(s => s.ToUpperInvariant()).ToArray()
                ?? details?.Select(d => d.AuthScheme).ToArray()
                ?? Array.Empty<string>();
            return new Toolkit
            {
                Slug = slug,
                Name = Name,
                Type = Type,
                Enabled = Enabled,
                AuthSchemes = schemes,
                ComposioManagedAuthSchemes = managed,
                NoAuth = NoAuth ?? false,
                Description = Meta?.Description,
                Logo = Meta?.Logo,
                AppUrl = Meta?.AppUrl,
                BaseUrl = BaseUrl,
                AuthGuideUrl = AuthGuideUrl,
                Categories = (Meta?.Categories ?? new List<CategoryWire>()).Select(c => c.Slug ?? c.Id ?? c.Name ?? string.Empty).ToArray(),
                ToolsCount = Meta?.ToolsCount,
                TriggersCount = Meta?.TriggersCount,
                Version = Meta?.Version,
                Deprecated = IsDeprecated ?? Deprecated?.ValueKind == JsonValueKind.True,
                AuthConfigDetails = details,
            };
        }
    }

    internal sealed class ToolkitMetaWire
    {
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("logo")] public string? Logo { get; set; }
        [JsonPropertyName("app_url")] public string? AppUrl { get; set; }
        [JsonPropertyName("categories")] public List<CategoryWire>? Categories { get; set; }
        [JsonPropertyName("tools_count")] public int? ToolsCount { get; set; }
        [JsonPropertyName("triggers_count")] public int? TriggersCount { get; set; }
        [JsonPropertyName("version")] public string? Version { get; set; }
    }

    internal sealed class ManagedAuthWire
    {
        [JsonPropertyName("mode")] public string? Mode { get; set; }
        [JsonPropertyName("scopes")] public ManagedScopesWire? Scopes { get; set; }
        [JsonPropertyName("user_scopes")] public ManagedScopesWire? UserScopes { get; set; }
    }

    internal sealed class ManagedScopesWire
    {
        [JsonPropertyName("available")] public List<string>? Available { get; set; }
    }

    internal sealed class AuthConfigDetailWire
    {
        [JsonPropertyName("mode")] public string? Mode { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("fields")] public AuthFieldsWire? Fields { get; set; }
        [JsonPropertyName("required_scopes")] public List<string>? RequiredScopes { get; set; }

        public AuthSchemeDetail ToModel(string toolkit, string[] managedSchemes, List<ManagedAuthWire>? managedAuth)
        {
            var scheme = (Mode ?? string.Empty).ToUpperInvariant();
            var managedScheme = managedAuth?.FirstOrDefault(m => string.Equals(m.Mode, scheme, StringComparison.OrdinalIgnoreCase));
            var available = managedScheme?.Scopes?.Available;
            var creation = Fields?.AuthConfigCreation?.ToModels(toolkit, scheme) ?? Array.Empty<AuthConfigField>();
            return new AuthSchemeDetail
            {
                Toolkit = toolkit,
                AuthScheme = scheme,
                Name = Name,
                AuthConfigCreationFields = creation,
                ConnectedAccountInitiationFields = Fields?.ConnectedAccountInitiation?.ToModels(toolkit, scheme) ?? Array.Empty<AuthConfigField>(),
                IsComposioManaged = managedSchemes.Contains(scheme),
                AvailableScopes = available?.ToArray() ?? Array.Empty<string>(),
                AvailableUserScopes = managedScheme?.UserScopes?.Available?.ToArray() ?? Array.Empty<string>(),
                DefaultScopes = SplitScopes(creation.FirstOrDefault(f => f.Name == "scopes")?.Default),
                RequiredScopes = RequiredScopes?.ToArray() ?? Array.Empty<string>(),
            };
        }

        /// <summary>A comma-joined scope list (the `scopes` field's default), trimmed, empties dropped.</summary>
        private static string[] SplitScopes(string? joined) =>
            (joined ?? string.Empty).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }

    internal sealed class AuthFieldsWire
    {
        [JsonPropertyName("auth_config_creation")] public FieldGroupWire? AuthConfigCreation { get; set; }
        [JsonPropertyName("connected_account_initiation")] public FieldGroupWire? ConnectedAccountInitiation { get; set; }
    }
}
