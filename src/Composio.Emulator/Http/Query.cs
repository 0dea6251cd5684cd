using Composio.Emulator.Errors;

namespace Composio.Emulator.Http;

/// <summary>Typed query-string readers that answer 400 with the parameter's name on bad input.</summary>
public static class Query
{
    public static string? String(HttpRequest request, string name)
    {
        var value = request.Query[name];
        return value.Count == 0 ? null : value.ToString();
    }

    public static bool? Bool(HttpRequest request, string name)
    {
        var raw = String(request, name);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        if (bool.TryParse(raw, out var result))
        {
            return result;
        }
        throw ApiException.BadRequest($"Query parameter '{name}' must be true or false, got '{raw}'.");
    }

    /// <summary>Page size: default when absent, 400 below 1, silently capped at <paramref name="max"/> like the service.</summary>
    public static int Limit(HttpRequest request, int defaultValue, int max)
    {
        var raw = String(request, "limit");
        if (string.IsNullOrEmpty(raw))
        {
            return Math.Min(defaultValue, max);
        }
        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit))
        {
            throw ApiException.BadRequest($"Query parameter 'limit' must be an integer, got '{raw}'.");
        }
        if (limit < 1)
        {
            throw ApiException.BadRequest($"Query parameter 'limit' must be at least 1, got {limit}.");
        }
        return Math.Min(limit, max);
    }

    /// <summary>Comma-separated list, trimmed, empties dropped (arrays are comma-joined on the wire).</summary>
    public static List<string> List(HttpRequest request, string name)
    {
        var result = new List<string>();
        foreach (var value in request.Query[name])
        {
            if (value is null)
            {
                continue;
            }
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                result.Add(part);
            }
        }
        return result;
    }
}
