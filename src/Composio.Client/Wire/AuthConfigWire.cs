using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Composio.Client.Redaction;

namespace Composio.Client.Wire
{
    /// <summary>The AuthConfig object as list and retrieve return it.</summary>
    internal sealed class AuthConfigWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("uuid")] public string? Uuid { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("toolkit")] public ToolkitRefWire? Toolkit { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("auth_scheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("is_composio_managed")] public bool? IsComposioManaged { get; set; }
        [JsonPropertyName("credentials")] public Dictionary<string, JsonElement>? Credentials { get; set; }
        [JsonPropertyName("proxy_config")] public ProxyConfigWire? ProxyConfig { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("last_updated_at")] public string? LastUpdatedAt { get; set; }
        [JsonPropertyName("no_of_connections")] public int? NoOfConnections { get; set; }
        [JsonPropertyName("expected_input_fields")] public List<FieldWire>? ExpectedInputFields { get; set; }
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("restrict_to_following_tools")] public List<string>? RestrictToFollowingTools { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, JsonElement>? SharedCredentials { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }

        public AuthConfig ToModel()
        {
            var toolkit = Toolkit?.Slug?.ToLowerInvariant() ?? string.Empty;
            var scheme = AuthScheme ?? string.Empty;
            var managed = IsComposioManaged ?? string.Equals(Type, "default", StringComparison.OrdinalIgnoreCase);
            return new AuthConfig
            {
                Id = Id ?? string.Empty,
                Uuid = Uuid,
                Name = Name,
                Toolkit = toolkit,
                ToolkitLogo = Toolkit?.Logo,
                AuthScheme = AuthScheme,
                IsComposioManaged = managed,
                Type = TypeOf(Type, managed).ToString(),
                Status = Status,
                CreatedAt = ParseDate(CreatedAt),
                LastUpdatedAt = ParseDate(LastUpdatedAt),
                CreatedBy = CreatedBy,
                ConnectionCount = NoOfConnections,
                Credentials = MaskedCredentials(Credentials, ExpectedInputFields),
                ProxyUrl = ProxyConfig?.ProxyUrl,
                ProxyAuthKey = string.IsNullOrEmpty(ProxyConfig?.ProxyAuthKey) ? null : SecretNames.Mask,
                ToolsForConnectedAccountCreation = new ItemList<string>(ToolAccessConfig?.ToolsForConnectedAccountCreation ?? new List<string>()),
                ToolsAvailableForExecution = new ItemList<string>(ToolAccessConfig?.ToolsAvailableForExecution ?? new List<string>()),
                IsEnabledForToolRouter = IsEnabledForToolRouter,
                RestrictToFollowingTools = new ItemList<string>(RestrictToFollowingTools ?? new List<string>()),
                SharedCredentials = MaskedAll(SharedCredentials),
                ExpectedInputFields = new ItemList<AuthConfigField>((ExpectedInputFields ?? new List<FieldWire>()).Select(f => f.ToModel(toolkit, scheme)).ToList()),
            };
        }

        internal static AuthConfigType TypeOf(string? wireType, bool managed) =>
            string.Equals(wireType, "custom", StringComparison.OrdinalIgnoreCase) ? AuthConfigType.Custom
            : string.Equals(wireType, "default", StringComparison.OrdinalIgnoreCase) ? AuthConfigType.ComposioManaged
            : managed ? AuthConfigType.ComposioManaged : AuthConfigType.Custom;

        /// <summary>
        /// Secret values never reach an output object: a field is masked when its name says secret or
        /// when the config's own field list marks it secret (twitter's `generic_id` holds a bearer
        /// token). Nested objects are masked whole: no name inside them can be trusted.
        /// </summary>
        private static CredentialMap MaskedCredentials(Dictionary<string, JsonElement>? wire, List<FieldWire>? fields)
        {
            var result = new CredentialMap();
            if (wire == null)
            {
                return result;
            }
            var marked = new HashSet<string>((fields ?? new List<FieldWire>()).Where(f => f.IsSecret == true && f.Name != null).Select(f => f.Name!), StringComparer.Ordinal);
            foreach (var pair in wire)
            {
                var secret = SecretNames.IsSecretName(pair.Key) || marked.Contains(pair.Key) || pair.Value.ValueKind == JsonValueKind.Object;
                result[pair.Key] = secret && pair.Value.ValueKind != JsonValueKind.Null
                    ? SecretNames.Mask
                    : JsonValues.AsObject(pair.Value);
            }
            return result;
        }

        /// <summary>Every non-null value masked, whatever its key: shared credentials are all secrets.</summary>
        private static CredentialMap MaskedAll(Dictionary<string, JsonElement>? wire)
        {
            var result = new CredentialMap();
            foreach (var pair in wire ?? new Dictionary<string, JsonElement>())
            {
                result[pair.Key] = pair.Value.ValueKind == JsonValueKind.Null ? null : SecretNames.Mask;
            }
            return result;
        }

        private static DateTime? ParseDate(string? value) =>
            DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? d
                : (DateTime?)null;
    }

    internal sealed class ToolkitRefWire
    {
        [JsonPropertyName("slug")] public string? Slug { get; set; }
        [JsonPropertyName("logo")] public string? Logo { get; set; }
    }

    internal sealed class ProxyConfigWire
    {
        [JsonPropertyName("proxy_url")] public string? ProxyUrl { get; set; }
        [JsonPropertyName("proxy_auth_key")] public string? ProxyAuthKey { get; set; }
    }

    internal sealed class ToolAccessConfigWire
    {
        [JsonPropertyName("tools_for_connected_account_creation")] public List<string>? ToolsForConnectedAccountCreation { get; set; }
        [JsonPropertyName("tools_available_for_execution")] public List<string>? ToolsAvailableForExecution { get; set; }
    }
}
