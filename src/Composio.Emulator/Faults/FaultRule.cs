using System.Text.Json;
using System.Text.Json.Nodes;
using Composio.Emulator.Errors;

namespace Composio.Emulator.Faults;

/// <summary>
/// One fault rule. Remaining and the random source are mutated only under the FaultStore lock.
/// </summary>
public sealed class FaultRule
{
    public string? Method { get; init; }
    public string? Path { get; init; }
    public FaultKind Kind { get; init; }
    public int Status { get; init; } = 503;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public int DelayMs { get; init; }
    /// <summary>Null = unlimited.</summary>
    public int? Times { get; init; }
    public int? Remaining { get; set; }
    public double? Probability { get; init; }
    public int? Seed { get; init; }
    public Random Random { get; init; } = new();
    public int Fired { get; set; }

    public bool Matches(string method, string path) =>
        (Method is null || Method.Equals(method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || path.StartsWith(Path, StringComparison.OrdinalIgnoreCase))
        && Remaining is not 0;

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Latency => "latency",
        FaultKind.DropBefore => "drop_before",
        FaultKind.DropAfter => "drop_after",
        _ => kind.ToString(),
    };

    public JsonObject ToJson()
    {
        var headers = new JsonObject();
        foreach (var (key, value) in Headers)
        {
            headers[key] = value;
        }
        return new JsonObject
        {
            ["method"] = Method,
            ["path"] = Path,
            ["kind"] = KindName(Kind),
            ["status"] = Kind == FaultKind.Status ? Status : null,
            ["headers"] = headers,
            ["delay_ms"] = Kind == FaultKind.Latency ? DelayMs : null,
            ["times"] = Times,
            ["remaining"] = Remaining,
            ["probability"] = Probability,
            ["seed"] = Seed,
            ["fired"] = Fired,
        };
    }

    public static FaultRule Parse(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw Invalid("Each rule must be a JSON object.");
        }
        var kindText = Str(obj, "kind") ?? throw Invalid("'kind' is required: status, latency, drop_before or drop_after.");
        var kind = kindText.ToLowerInvariant() switch
        {
            "status" => FaultKind.Status,
            "latency" => FaultKind.Latency,
            "drop_before" => FaultKind.DropBefore,
            "drop_after" => FaultKind.DropAfter,
            _ => throw Invalid($"Unknown kind '{kindText}': use status, latency, drop_before or drop_after."),
        };
        var status = Int(obj, "status") ?? 503;
        if (status is < 100 or > 599)
        {
            throw Invalid($"'status' must be an HTTP status code, got {status}.");
        }
        var delay = Int(obj, "delay_ms") ?? (kind == FaultKind.Latency ? 1000 : 0);
        if (delay < 0)
        {
            throw Invalid("'delay_ms' must not be negative.");
        }
        var times = Int(obj, "times");
        if (times < 0)
        {
            throw Invalid("'times' must not be negative.");
        }
        var probability = obj["probability"] is JsonValue pv && pv.TryGetValue<double>(out var pd) ? pd : (double?)null;
        if (probability is < 0 or > 1)
        {
            throw Invalid("'probability' must be between 0 and 1.");
        }
        var seed = Int(obj, "seed");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (obj["headers"] is JsonObject h)
        {
            foreach (var (key, value) in h)
            {
                headers[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
            }
        }
        else if (obj["headers"] is not null)
        {
            throw Invalid("'headers' must be an object of header names to values.");
        }
        var normalizedTimes = times is null or 0 ? null : times;
        return new FaultRule
        {
            Method = Str(obj, "method") is { Length: > 0 } m ? m.ToUpperInvariant() : null,
            Path = Str(obj, "path") is { Length: > 0 } p ? p : null,
            Kind = kind,
            Status = status,
            Headers = headers,
            DelayMs = delay,
            Times = normalizedTimes,
            Remaining = normalizedTimes,
            Probability = probability,
            Seed = seed,
            Random = seed is { } s ? new Random(s) : new Random(),
        };
    }

    private static string? Str(JsonObject obj, string key) => obj[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Invalid($"'{key}' must be a string or null."),
    };

    private static int? Int(JsonObject obj, string key) => obj[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => throw Invalid($"'{key}' must be an integer or null."),
    };

    private static ApiException Invalid(string message) =>
        ApiException.BadRequest("Invalid fault rule: " + message, null, ApiError.Slugs.EmulatorInvalidRequest);
}
