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

    /// <summary>
    /// The page of a small, static list (toolkits, tools) after <paramref name="cursor"/>, whose
    /// position is simply an index into <paramref name="matches"/> (filtered and sorted).
    /// </summary>
    public static Page Of<T>(IReadOnlyList<T> matches, ListCursor? cursor, int limit, string cursorPrefix, Func<T, JsonNode> toItem)
    {
        var start = (int)Math.Min(cursor?.Position ?? 0, matches.Count);
        var pageItems = matches.Skip(start).Take(limit).ToList();
        var end = start + pageItems.Count;
        var next = end < matches.Count ? new ListCursor(end, end).Encode(cursorPrefix) : null;
        return new Page(new JsonArray(pageItems.Select(t => (JsonNode?)toItem(t)).ToArray()),
            next, PagesFor(matches.Count, limit), start / limit + 1, matches.Count);
    }
}
