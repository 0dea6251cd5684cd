using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>One page of a listing (GET /auth_configs, /toolkits): the items and where the walk goes next.</summary>
    internal sealed class PageWire<T>
    {
        [JsonPropertyName("items")] public List<T>? Items { get; set; }
        [JsonPropertyName("next_cursor")] public string? NextCursor { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
        [JsonPropertyName("current_page")] public int? CurrentPage { get; set; }
        [JsonPropertyName("total_items")] public int? TotalItems { get; set; }
    }
}
