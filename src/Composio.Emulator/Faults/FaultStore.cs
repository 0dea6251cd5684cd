using System.Text.Json.Nodes;

namespace Composio.Emulator.Faults;

/// <summary>Ordered fault rules; the first rule that matches and fires is consumed.</summary>
public sealed class FaultStore
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void AddRange(IEnumerable<FaultRule> rules)
    {
        lock (_gate)
        {
            _rules.AddRange(rules);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Returns the rule that fires for this request, having counted it, or null.</summary>
    public FaultRule? TryFire(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path))
                {
                    continue;
                }
                // A probabilistic rule that does not fire lets later rules have their turn.
                if (rule.Probability is { } p && rule.Random.NextDouble() >= p)
                {
                    continue;
                }
                if (rule.Remaining is { } remaining)
                {
                    rule.Remaining = remaining - 1;
                }
                rule.Fired++;
                return rule;
            }
            return null;
        }
    }

    public JsonObject ToJson()
    {
        lock (_gate)
        {
            return new JsonObject { ["rules"] = new JsonArray(_rules.Select(r => (JsonNode?)r.ToJson()).ToArray()) };
        }
    }
}
