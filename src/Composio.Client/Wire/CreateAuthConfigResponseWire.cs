using System.Collections.Generic;
using System.Text.Json.Serialization;
using Composio.Client.Requests;

namespace Composio.Client.Wire
{
    /// <summary>The 201 answer of POST /auth_configs: only the id and a few facts.</summary>
    internal sealed class CreateAuthConfigResponseWire
    {
        [JsonPropertyName("toolkit")] public ToolkitRefWire? Toolkit { get; set; }
        [JsonPropertyName("auth_config")] public CreatedAuthConfigWire? AuthConfig { get; set; }

        /// <summary>
        /// The new config from this answer (id, scheme, managed flag, toolkit, restricted tools), what
        /// the request set, and what holds for every new config: enabled, no connections. Fields the
        /// request left out stay unset, for the server's values to be read later.
        /// </summary>
        public AuthConfig ToModel(CreateAuthConfigRequest request, string slug)
        {
            var managed = AuthConfig?.IsComposioManaged ?? request.Type == AuthConfigType.ComposioManaged;
            var config = new AuthConfig
            {
                Id = AuthConfig?.Id ?? string.Empty,
                Name = request.Name,
                Toolkit = (Toolkit?.Slug ?? slug).ToLowerInvariant(),
                AuthScheme = AuthConfig?.AuthScheme ?? request.AuthScheme,
                IsComposioManaged = managed,
                Type = (managed ? AuthConfigType.ComposioManaged : AuthConfigType.Custom).ToString(),
                Status = "ENABLED",
                ConnectionCount = 0,
                IsEnabledForToolRouter = request.IsEnabledForToolRouter,
                ProxyUrl = request.ProxyUrl,
            };
            if (AuthConfig?.RestrictToFollowingTools != null)
            {
                config.RestrictToFollowingTools = new ItemList<string>(AuthConfig.RestrictToFollowingTools);
            }
            if (request.ToolsForConnectedAccountCreation != null)
            {
                config.ToolsForConnectedAccountCreation = new ItemList<string>(request.ToolsForConnectedAccountCreation);
            }
            return config;
        }
    }

    internal sealed class CreatedAuthConfigWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("auth_scheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("is_composio_managed")] public bool? IsComposioManaged { get; set; }
        [JsonPropertyName("restrict_to_following_tools")] public List<string>? RestrictToFollowingTools { get; set; }
    }
}
