using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>An item of GET /tools (the spec's `Tool`); only the members the module uses.</summary>
    internal sealed class ToolWire
    {
        [JsonPropertyName("slug")] public string? Slug { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("toolkit")] public ToolkitRefWire? Toolkit { get; set; }
        [JsonPropertyName("is_deprecated")] public bool? IsDeprecated { get; set; }

        public Tool ToModel() => new Tool
        {
            Slug = Slug ?? string.Empty,
            Name = Name,
            Toolkit = Toolkit?.Slug,
            Description = Description,
            Deprecated = IsDeprecated ?? false,
        };
    }
}
