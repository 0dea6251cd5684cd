using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>A toolkit category, as GET /toolkits/categories lists it and a toolkit's meta names it.</summary>
    internal sealed class CategoryWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("slug")] public string? Slug { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }
}
