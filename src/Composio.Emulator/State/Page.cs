using System.Text.Json.Nodes;

namespace Composio.Emulator.State;

/// <summary>One page of a list, ready to become the shared list envelope.</summary>
public sealed record Page(JsonArray Items, string? NextCursor, int TotalPages, int CurrentPage, int TotalItems)
{
    public JsonObject ToEnvelope() => new()
    {
        ["items"] = Items,
        ["next_cursor"] = NextCursor,
        ["total_pages"] = TotalPages,
        ["current_page"] = CurrentPage,
        ["total_items"] = TotalItems,
    };

    public static int PagesFor(int total, int limit) => Math.Max(1, (total + limit - 1) / limit);
}
