using System.Collections.Generic;
using System.Text.Json.Serialization;
using Composio.Client.Errors;
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
                Refuse(request.RestrictToFollowingTools != null, "RestrictToFollowingTools", "use ToolsAvailableForExecution", id);
                return new UpdateCustomAuthConfigBody
                {
                    Name = request.Name,
                    Credentials = CredentialValues.From(request.Credentials),
                    ToolAccessConfig = access,
                    IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                    SharedCredentials = CredentialValues.From(request.SharedCredentials),
                };
            }
            Refuse(request.Credentials != null, "Credentials", "Composio holds a managed config's credentials; set Scopes instead", id);
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
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, object?>? SharedCredentials { get; set; }
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
