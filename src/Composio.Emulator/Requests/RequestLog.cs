using System.Text.Json.Nodes;
using Composio.Emulator.Http;

namespace Composio.Emulator.Requests;

/// <summary>
/// The last 2,000 API requests, oldest first, for tests to assert on what the client sent.
/// Entries are added on arrival (so order is arrival order) and get their status when the
/// response starts; a dropped request keeps status null.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 2000;
    private const string DroppedKey = "composio.dropped";

    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = new();

    public sealed class Entry
    {
        public required string Method { get; init; }
        public required string Path { get; init; }
        public required string Query { get; init; }
        public required List<KeyValuePair<string, string>> Headers { get; init; }
        public string? BodyText { get; init; }
        public int? Status { get; set; }
    }

    public static void MarkDropped(HttpContext context) => context.Items[DroppedKey] = true;

    public static bool IsDropped(HttpContext context) => context.Items.ContainsKey(DroppedKey);

    public void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry);
            while (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public void SetStatus(Entry entry, int? status)
    {
        lock (_gate)
        {
            entry.Status = status;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public JsonArray ToJson()
    {
        lock (_gate)
        {
            var result = new JsonArray();
            foreach (var e in _entries)
            {
                var headers = new JsonObject();
                foreach (var (name, value) in e.Headers)
                {
                    headers[name] = value;
                }
                result.Add(new JsonObject
                {
                    ["method"] = e.Method,
                    ["path"] = e.Path,
                    ["query"] = e.Query,
                    ["headers"] = headers,
                    ["body"] = RequestBody.TryParse(e.BodyText),
                    ["body_text"] = e.BodyText,
                    ["status"] = e.Status,
                });
            }
            return result;
        }
    }
}
