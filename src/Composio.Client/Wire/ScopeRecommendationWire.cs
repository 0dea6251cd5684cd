using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>The answer of POST /toolkits/{slug}/scopes/recommended.</summary>
    internal sealed class ScopeRecommendationWire
    {
        [JsonPropertyName("auth_scheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("toolkit_version")] public string? ToolkitVersion { get; set; }
        [JsonPropertyName("grant_context")] public Dictionary<string, JsonElement>? GrantContext { get; set; }
        [JsonPropertyName("scopes")] public ScopeSetsWire? Scopes { get; set; }

        public ScopeRecommendation ToModel(string toolkit, string[] tools) => new ScopeRecommendation
        {
            Toolkit = toolkit,
            AuthScheme = AuthScheme ?? string.Empty,
            ToolkitVersion = ToolkitVersion,
            Tools = tools,
            GrantContext = GrantContextValues.From(GrantContext),
            LeastPrivilege = Scopes?.LeastPrivilege?.ToArray() ?? Array.Empty<string>(),
            Fewest = Scopes?.Fewest?.ToArray() ?? Array.Empty<string>(),
            Conditional = (Scopes?.Conditional ?? new List<ConditionalScopeWire>()).Select(c => new ConditionalScope
            {
                Scope = c.Scope ?? string.Empty,
                When = GrantContextValues.From(c.When),
                For = c.For?.ToArray() ?? Array.Empty<string>(),
            }).ToArray(),
        };
    }

    internal sealed class ScopeSetsWire
    {
        [JsonPropertyName("least_privilege")] public List<string>? LeastPrivilege { get; set; }
        [JsonPropertyName("fewest")] public List<string>? Fewest { get; set; }
        [JsonPropertyName("conditional")] public List<ConditionalScopeWire>? Conditional { get; set; }
    }

    internal sealed class ConditionalScopeWire
    {
        [JsonPropertyName("scope")] public string? Scope { get; set; }
        [JsonPropertyName("when")] public Dictionary<string, JsonElement>? When { get; set; }
        [JsonPropertyName("for")] public List<string>? For { get; set; }
    }

    /// <summary>Grant-context objects (`{dimension: value}`) as plain values; the contract types them loosely.</summary>
    internal static class GrantContextValues
    {
        public static IDictionary<string, object?> From(Dictionary<string, JsonElement>? wire)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in wire ?? new Dictionary<string, JsonElement>())
            {
                result[pair.Key] = JsonValues.AsObject(pair.Value);
            }
            return result;
        }
    }
}
