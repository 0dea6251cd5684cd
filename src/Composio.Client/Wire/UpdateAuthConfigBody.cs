using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Composio.Client.Errors;
using Composio.Client.Json;
using Composio.Client.Requests;

namespace Composio.Client.Wire
{
    /// <summary>
    /// PATCH /auth_configs/{id}: a union on `type`. Each member has only the fields the API takes
    /// for it, so a request that sets a field of the other member fails before sending.
    /// </summary>
    internal static class UpdateAuthConfigBody
    {
        public static object From(UpdateAuthConfigRequest request, string id)
        {
            var access = request.ToolsForConnectedAccountCreation == null && request.ToolsAvailableForExecution == null
                ? null
                : new ToolAccessConfigWire
                {
                    ToolsForConnectedAccountCreation = Copy(request.ToolsForConnectedAccountCreation),
                    ToolsAvailableForExecution = Copy(request.ToolsAvailableForExecution),
                };
            if (request.Type == AuthConfigType.Custom)
            {
                Refuse(request.Scopes != null, "Scopes", "a custom config's scopes go in Credentials['scopes']", id);
                Refuse(request.UserScopes != null, "UserScopes", "a custom config's scopes go in Credentials", id);
                Refuse(request.ClearProxy && request.ProxyUrl != null, "ProxyUrl", "a proxy cannot be set and removed at once", id);
                return new UpdateCustomAuthConfigBody
                {
                    Name = request.Name,
                    Credentials = CredentialValues.From(request.Credentials),
                    ProxyConfig = request.ClearProxy ? s_null
                        : request.ProxyUrl == null ? (JsonElement?)null
                        : JsonSerializer.SerializeToElement(new ProxyConfigWire { ProxyUrl = request.ProxyUrl, ProxyAuthKey = request.ProxyAuthKey }, ComposioJson.Options),
                    RestrictToFollowingTools = Copy(request.RestrictToFollowingTools),
                    ToolAccessConfig = access,
                    IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                    SharedCredentials = CredentialValues.From(request.SharedCredentials),
                };
            }
            Refuse(request.Credentials != null, "Credentials", "Composio holds a managed config's credentials; set Scopes instead", id);
            Refuse(request.ProxyUrl != null || request.ClearProxy, "ProxyUrl", "a proxy is set on custom configs only", id);
            return new UpdateDefaultAuthConfigBody
            {
                Name = request.Name,
                Scopes = request.Scopes,
                UserScopes = request.UserScopes,
                ToolAccessConfig = access,
                IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                SharedCredentials = CredentialValues.From(request.SharedCredentials),
                RestrictToFollowingTools = Copy(request.RestrictToFollowingTools),
            };
        }

        /// <summary>A JSON null that is sent (a C# null member is left out).</summary>
        private static readonly JsonElement s_null = JsonDocument.Parse("null").RootElement.Clone();

        private static List<string>? Copy(string[]? values) => values == null ? null : new List<string>(values);

        private static void Refuse(bool isSet, string member, string instead, string id)
        {
            if (isSet)
            {
                throw new ComposioException("UpdateFieldNotInVariant", ComposioErrorKind.InvalidInput,
                    $"{member} cannot be changed on this kind of auth config: {instead}.")
                { Target = id };
            }
        }
    }

    /// <summary>The `custom` member.</summary>
    internal sealed class UpdateCustomAuthConfigBody
    {
        [JsonPropertyName("type")] public string Type => "custom";
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("credentials")] public Dictionary<string, object?>? Credentials { get; set; }
        /// <summary>`{proxy_url, proxy_auth_key?}`, or a JSON null to remove the proxy.</summary>
        [JsonPropertyName("proxy_config")] public JsonElement? ProxyConfig { get; set; }
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, object?>? SharedCredentials { get; set; }
        [JsonPropertyName("restrict_to_following_tools")] public List<string>? RestrictToFollowingTools { get; set; }
    }

    /// <summary>The `default` (Composio-managed) member: scopes at the top level; since 2026 also shared credentials and the tool restriction.</summary>
    internal sealed class UpdateDefaultAuthConfigBody
    {
        [JsonPropertyName("type")] public string Type => "default";
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("scopes")] public string? Scopes { get; set; }
        [JsonPropertyName("user_scopes")] public string? UserScopes { get; set; }
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, object?>? SharedCredentials { get; set; }
        [JsonPropertyName("restrict_to_following_tools")] public List<string>? RestrictToFollowingTools { get; set; }
    }
}
