using Composio.Emulator.Errors;

namespace Composio.Emulator.Scopes;

/// <summary>What POST /toolkits/{slug}/scopes/recommended answers, before it becomes JSON.</summary>
public sealed record ScopeRecommendation(
    IReadOnlyList<string> LeastPrivilege,
    IReadOnlyList<string> Fewest,
    IReadOnlyList<ConditionalScopeRule> Conditional,
    IReadOnlyDictionary<string, string> GrantContext);

/// <summary>
/// Recommends scopes for a set of tools from a <see cref="ScopeMap"/> [inferred: the service's
/// algorithm is not published]. Least privilege is the union of each tool's narrowest scopes;
/// fewest covers the same needs with as few scopes as possible, using a broad scope where it
/// replaces two or more narrow ones. A conditional scope whose condition the grant context meets
/// joins both sets; the others are listed with their condition and the requested tools they serve.
/// </summary>
public static class ScopeRecommender
{
    public static ScopeRecommendation Recommend(
        ScopeMap map,
        IReadOnlyList<string> tools,
        IReadOnlyDictionary<string, string> grantContext,
        IReadOnlyList<string> include,
        IReadOnlyList<string> exclude,
        IReadOnlyList<string>? available,
        string slug)
    {
        var requested = ResolveTools(map, tools, slug);
        var context = new Dictionary<string, string>(map.DefaultContext, StringComparer.Ordinal);
        foreach (var (key, value) in grantContext)
        {
            context[key] = value;
        }

        var needed = new List<string>();
        foreach (var tool in requested)
        {
            needed.AddRange(map.Tools.First(t => t.Key == tool).Value);
        }
        var conditional = new List<ConditionalScopeRule>();
        foreach (var rule in map.Conditional)
        {
            var serves = rule.For.Where(requested.Contains).ToList();
            if (serves.Count == 0)
            {
                continue;
            }
            if (rule.When.All(w => context.TryGetValue(w.Key, out var v) && v == w.Value))
            {
                needed.Add(rule.Scope);
            }
            else
            {
                conditional.Add(rule with { For = serves });
            }
        }
        needed.AddRange(include);
        var excluded = new HashSet<string>(exclude, StringComparer.Ordinal);
        var least = needed.Where(s => !excluded.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        if (available is not null)
        {
            least = WithinAvailable(map, least, available, excluded, slug);
        }
        var fewest = Cover(map, least, available, excluded);
        return new ScopeRecommendation(least, fewest, conditional, context);
    }

    /// <summary>The requested tools in canonical spelling; none means every tool the map knows.</summary>
    private static List<string> ResolveTools(ScopeMap map, IReadOnlyList<string> tools, string slug)
    {
        if (tools.Count == 0)
        {
            return map.Tools.Select(t => t.Key).ToList();
        }
        var result = new List<string>();
        var unknown = new List<string>();
        foreach (var tool in tools)
        {
            var known = map.Tools.FirstOrDefault(t => t.Key.Equals(tool, StringComparison.OrdinalIgnoreCase)).Key;
            if (known is null)
            {
                unknown.Add(tool);
            }
            else if (!result.Contains(known))
            {
                result.Add(known);
            }
        }
        if (unknown.Count > 0)
        {
            throw ApiException.BadRequest(
                $"Unknown tool(s) for toolkit \"{slug}\": {string.Join(", ", unknown)}",
                map.Tools.Count == 0 ? "This toolkit has no scope data; send \"tools\": []." : $"Known tools: {string.Join(", ", map.Tools.Select(t => t.Key))}.",
                ApiError.Slugs.ToolkitValidation);
        }
        return result;
    }

    /// <summary>Each scope the app may not request is replaced by an available broad scope that grants it.</summary>
    private static List<string> WithinAvailable(ScopeMap map, List<string> scopes, IReadOnlyList<string> available, HashSet<string> excluded, string slug)
    {
        var result = new List<string>();
        foreach (var scope in scopes)
        {
            var usable = available.Contains(scope, StringComparer.Ordinal)
                ? scope
                : map.Broader.FirstOrDefault(b => available.Contains(b.Key, StringComparer.Ordinal) && !excluded.Contains(b.Key) && b.Value.Contains(scope)).Key;
            if (usable is null)
            {
                throw ApiException.BadRequest(
                    $"No scope in available_scopes grants \"{scope}\" for toolkit \"{slug}\".",
                    $"Add \"{scope}\" (or a broader scope that grants it) to available_scopes.", ApiError.Slugs.ToolkitValidation);
            }
            if (!result.Contains(usable))
            {
                result.Add(usable);
            }
        }
        return result;
    }

    /// <summary>Greedy cover of <paramref name="needed"/>: a broad scope is used only where it replaces two or more.</summary>
    private static List<string> Cover(ScopeMap map, List<string> needed, IReadOnlyList<string>? available, HashSet<string> excluded)
    {
        var uncovered = new HashSet<string>(needed, StringComparer.Ordinal);
        var chosen = new List<string>();
        var broad = map.Broader
            .Where(b => !excluded.Contains(b.Key) && (available is null || available.Contains(b.Key, StringComparer.Ordinal)))
            .ToList();
        while (true)
        {
            var best = broad
                .Select(b => (Scope: b.Key, Covers: b.Value.Append(b.Key).Where(uncovered.Contains).ToList()))
                .Where(c => c.Covers.Count >= 2)
                .OrderByDescending(c => c.Covers.Count)
                .FirstOrDefault();
            if (best.Scope is null)
            {
                break;
            }
            chosen.Add(best.Scope);
            uncovered.ExceptWith(best.Covers);
        }
        // In the order of the least-privilege list: each chosen scope where the first scope it covers stood.
        var result = new List<string>();
        foreach (var scope in needed)
        {
            if (uncovered.Contains(scope))
            {
                result.Add(scope);
                continue;
            }
            var grantor = chosen.FirstOrDefault(c => c == scope || map.Broader[c].Contains(scope));
            if (grantor is not null && !result.Contains(grantor))
            {
                result.Add(grantor);
            }
        }
        return result;
    }
}
