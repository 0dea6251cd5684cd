using System.Collections.Generic;
using System.Text.Json.Serialization;
using Composio.Client.Errors;
using Composio.Client.Requests;

namespace Composio.Client.Wire
{
    /// <summary>
    /// POST /auth_configs: `{"toolkit": {"slug"}, "auth_config": {...}}`, the auth_config member
    /// being one of the two variants below. Property order is the order @composio/core 0.21 sends
    /// (checked byte for byte against it by tests/pester/Contract.Tests.ps1).
    /// </summary>
    internal sealed class CreateAuthConfigBody
    {
        [JsonPropertyName("toolkit")] public ToolkitRefWire Toolkit { get; set; } = new ToolkitRefWire();

        // Typed object: each variant serialises with its own properties.
        [JsonPropertyName("auth_config")] public object AuthConfig { get; set; } = new ManagedAuthConfigOptions();

        /// <param name="slug">The toolkit slug, already checked and lowercased.</param>
        public static CreateAuthConfigBody From(CreateAuthConfigRequest request, string slug)
        {
            if (request.Type != AuthConfigType.Custom && request.ProxyUrl != null)
            {
                throw new ComposioException("CreateFieldNotInVariant", ComposioErrorKind.InvalidInput,
                    "A proxy is set on custom auth configs only: Composio-managed auth goes through Composio's own app.")
                { Target = slug };
            }
            var tools = request.ToolsForConnectedAccountCreation == null
                ? null
                : new ToolAccessConfigWire { ToolsForConnectedAccountCreation = new List<string>(request.ToolsForConnectedAccountCreation) };
            object options = request.Type == AuthConfigType.Custom
                ? new CustomAuthConfigOptions
                {
                    AuthScheme = request.AuthScheme,
                    Name = request.Name,
                    Credentials = CredentialValues.From(request.Credentials),
                    ProxyConfig = request.ProxyUrl == null ? null : new ProxyConfigWire { ProxyUrl = request.ProxyUrl, ProxyAuthKey = request.ProxyAuthKey },
                    ToolAccessConfig = tools,
                    IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                    SharedCredentials = CredentialValues.From(request.SharedCredentials),
                }
                : new ManagedAuthConfigOptions
                {
                    Name = request.Name,
                    Credentials = CredentialValues.From(request.Credentials),
                    ToolAccessConfig = tools,
                    IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                    SharedCredentials = CredentialValues.From(request.SharedCredentials),
                };
            return new CreateAuthConfigBody { Toolkit = new ToolkitRefWire { Slug = slug }, AuthConfig = options };
        }
    }

    /// <summary>`use_composio_managed_auth`: no authScheme; members in @composio/core 0.21's order.</summary>
    internal sealed class ManagedAuthConfigOptions
    {
        [JsonPropertyName("type")] public string Type => "use_composio_managed_auth";
        [JsonPropertyName("credentials")] public Dictionary<string, object?>? Credentials { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, object?>? SharedCredentials { get; set; }
    }

    /// <summary>`use_custom_auth`: the scheme is required and is the API's one camelCase key; members in @composio/core 0.21's order.</summary>
    internal sealed class CustomAuthConfigOptions
    {
        [JsonPropertyName("type")] public string Type => "use_custom_auth";
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("authScheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("credentials")] public Dictionary<string, object?>? Credentials { get; set; }
        [JsonPropertyName("is_enabled_for_tool_router")] public bool? IsEnabledForToolRouter { get; set; }
        [JsonPropertyName("proxy_config")] public ProxyConfigWire? ProxyConfig { get; set; }
        [JsonPropertyName("tool_access_config")] public ToolAccessConfigWire? ToolAccessConfig { get; set; }
        [JsonPropertyName("shared_credentials")] public Dictionary<string, object?>? SharedCredentials { get; set; }
    }
}
