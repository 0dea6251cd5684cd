using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>The answer of GET /toolkits/{slug}/scopes/grant_context.</summary>
    internal sealed class GrantContextWire
    {
        [JsonPropertyName("auth_scheme")] public string? AuthScheme { get; set; }
        [JsonPropertyName("toolkit_version")] public string? ToolkitVersion { get; set; }
        [JsonPropertyName("grant_context_dimensions")] public List<GrantDimensionWire>? Dimensions { get; set; }
        [JsonPropertyName("default_grant_context")] public Dictionary<string, JsonElement>? DefaultGrantContext { get; set; }

        public ToolkitGrantContext ToModel(string toolkit) => new ToolkitGrantContext
        {
            Toolkit = toolkit,
            AuthScheme = AuthScheme ?? string.Empty,
            ToolkitVersion = ToolkitVersion,
            Dimensions = (Dimensions ?? new List<GrantDimensionWire>()).Select(d => new GrantContextDimension
            {
                Dimension = d.Dimension ?? string.Empty,
                Description = d.Description,
                Values = (d.Values ?? new List<JsonElement>()).Select(v => JsonValues.AsString(v) ?? string.Empty).ToArray(),
            }).ToArray(),
            DefaultGrantContext = GrantContextValues.From(DefaultGrantContext),
        };
    }

    internal sealed class GrantDimensionWire
    {
        [JsonPropertyName("dimension")] public string? Dimension { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("values")] public List<JsonElement>? Values { get; set; }
    }
}
