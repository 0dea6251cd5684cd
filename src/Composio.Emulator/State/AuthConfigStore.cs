using System.Text.Json.Nodes;
using Composio.Emulator.Http;

namespace Composio.Emulator.State;

/// <summary>
/// Thread-safe in-memory auth configs. One lock guards everything: requests are short and the
/// emulator values correctness over parallel throughput. Configs are kept in creation order
/// (sequence numbers only grow), so a page is found by binary search and read in O(page).
/// Projections run under the lock so callers never see a half-applied update.
/// </summary>
public sealed class AuthConfigStore
{
    private const string CursorPrefix = "ac";

    private readonly object _gate = new();
    private readonly List<AuthConfig> _ordered = new();
    private readonly Dictionary<string, AuthConfig> _byId = new(StringComparer.Ordinal);
    private long _nextSeq = 1;
    private int _disabledCount;
    private long _version;

    // Total of the last filtered query; streaming clients ask the same filter page after page.
    private (string Key, long Version, int Total)? _countCache;

    public int Count
    {
        get { lock (_gate) { return _ordered.Count; } }
    }

    public T Add<T>(AuthConfig config, Func<AuthConfig, T> project)
    {
        lock (_gate)
        {
            Insert(config, DateTime.UtcNow);
            return project(config);
        }
    }

    /// <summary>Bulk insert for /_emulator/seed: one lock, one timestamp.</summary>
    public int AddMany(int count, Func<int, AuthConfig> make)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            _ordered.EnsureCapacity(_ordered.Count + count);
            _byId.EnsureCapacity(_byId.Count + count);
            for (var i = 0; i < count; i++)
            {
                Insert(make(i), now);
            }
            return count;
        }
    }

    private void Insert(AuthConfig config, DateTime now)
    {
        string id;
        do
        {
            id = "ac_" + RandomIds.Alphanumeric(12);
        }
        while (_byId.ContainsKey(id));
        config.Id = id;
        config.Uuid = RandomIds.Uuid();
        config.Seq = _nextSeq++;
        config.CreatedAt = now;
        config.LastUpdatedAt = now;
        _ordered.Add(config);
        _byId.Add(id, config);
        if (!config.Enabled)
        {
            _disabledCount++;
        }
        _version++;
    }

    public bool TryGet<T>(string id, Func<AuthConfig, T> project, out T result)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(id, out var config))
            {
                result = project(config);
                return true;
            }
            result = default!;
            return false;
        }
    }

    /// <summary>Runs <paramref name="update"/> under the lock; it must validate before it mutates (throwing leaves the config untouched).</summary>
    public bool TryUpdate(string id, Action<AuthConfig> update)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var config))
            {
                return false;
            }
            var wasEnabled = config.Enabled;
            update(config);
            if (wasEnabled != config.Enabled)
            {
                _disabledCount += config.Enabled ? -1 : 1;
            }
            config.LastUpdatedAt = DateTime.UtcNow;
            _version++;
            return true;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var config))
            {
                return false;
            }
            var index = IndexAfter(config.Seq - 1);
            _ordered.RemoveAt(index);
            if (!config.Enabled)
            {
                _disabledCount--;
            }
            _version++;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _ordered.Clear();
            _byId.Clear();
            _disabledCount = 0;
            _countCache = null;
            _version++;
        }
    }

    /// <param name="advance">
    /// How many matching items the cursor moves past: <paramref name="limit"/> normally; more only
    /// to imitate the service's lossy paging (the items beyond the page are skipped, not served).
    /// </param>
    public Page List(AuthConfigFilter filter, int limit, string? cursorText, Func<AuthConfig, JsonNode> project, int? advance = null)
    {
        var step = Math.Max(limit, advance ?? limit);
        var cursor = ListCursor.Decode(cursorText, CursorPrefix);
        lock (_gate)
        {
            var index = cursor is null ? 0 : IndexAfter(cursor.Value.Position);
            var items = new JsonArray();
            long lastSeq = 0;
            var served = 0;
            for (; index < _ordered.Count && served < limit; index++)
            {
                var config = _ordered[index];
                if (filter.Matches(config))
                {
                    items.Add(project(config));
                    lastSeq = config.Seq;
                    served++;
                }
            }
            for (var skipped = served; index < _ordered.Count && skipped < step; index++)
            {
                if (filter.Matches(_ordered[index]))
                {
                    lastSeq = _ordered[index].Seq;
                    skipped++;
                }
            }
            var hasNext = false;
            for (; index < _ordered.Count; index++)
            {
                if (filter.Matches(_ordered[index]))
                {
                    hasNext = true;
                    break;
                }
            }
            var total = TotalFor(filter);
            var offset = cursor?.Offset ?? 0;
            var next = hasNext ? new ListCursor(lastSeq, offset + step).Encode(CursorPrefix) : null;
            return new Page(items, next, Page.PagesFor(total, step), (int)(offset / step) + 1, total);
        }
    }

    private int TotalFor(AuthConfigFilter filter)
    {
        if (filter.IsUnfiltered)
        {
            return filter.ShowDisabled ? _ordered.Count : _ordered.Count - _disabledCount;
        }
        var key = filter.Key;
        if (_countCache is { } cached && cached.Key == key && cached.Version == _version)
        {
            return cached.Total;
        }
        var total = 0;
        foreach (var config in _ordered)
        {
            if (filter.Matches(config))
            {
                total++;
            }
        }
        _countCache = (key, _version, total);
        return total;
    }

    /// <summary>Index of the first config whose Seq is greater than <paramref name="seq"/>.</summary>
    private int IndexAfter(long seq)
    {
        int lo = 0, hi = _ordered.Count;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (_ordered[mid].Seq <= seq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
