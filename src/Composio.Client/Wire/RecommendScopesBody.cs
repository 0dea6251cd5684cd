using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Composio.Client.Requests;

namespace Composio.Client.Wire
{
    /// <summary>The body of POST /toolkits/{slug}/scopes/recommended; `tools` is always sent ([] = every tool).</summary>
    internal sealed class RecommendScopesBody
    {
        [JsonPropertyName("tools")] public List<string> Tools { get; set; } = new List<string>();
        [JsonPropertyName("auth_scheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("toolkit_version")] public string? ToolkitVersion { get; set; }
        [JsonPropertyName("grant_context")] public Dictionary<string, string>? GrantContext { get; set; }
        [JsonPropertyName("include")] public List<string>? Include { get; set; }
        [JsonPropertyName("exclude")] public List<string>? Exclude { get; set; }
        [JsonPropertyName("available_scopes")] public List<string>? AvailableScopes { get; set; }

        public static RecommendScopesBody From(ScopeRecommendationRequest request) => new RecommendScopesBody
        {
            Tools = (request.Tools ?? new string[0]).ToList(),
            AuthScheme = request.AuthScheme?.ToUpperInvariant(),
            ToolkitVersion = request.ToolkitVersion,
            GrantContext = request.GrantContext == null ? null : new Dictionary<string, string>(request.GrantContext),
            Include = request.Include?.ToList(),
            Exclude = request.Exclude?.ToList(),
            AvailableScopes = request.AvailableScopes?.ToList(),
        };
    }
}
