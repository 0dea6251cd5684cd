using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>POST /tools/scopes/required (the published endpoint): `{tools, version?}`.</summary>
    internal sealed class RequiredScopesBody
    {
        [JsonPropertyName("tools")] public List<string> Tools { get; set; } = new List<string>();
        [JsonPropertyName("version")] public string? Version { get; set; }
    }

    /// <summary>
    /// Its answer: `{scopes_required, per_tool_requirements: [{tool, scope_requirements: {all_of:
    /// [scope | {any_of: [scope]}]} | null}]}`, read into the same <see cref="ScopeRecommendation"/>
    /// the beta endpoint gives: least privilege is scopes_required; fewest covers every
    /// requirement with as few scopes as a greedy choice among the any_of alternatives finds.
    /// </summary>
    internal sealed class RequiredScopesWire
    {
        [JsonPropertyName("scopes_required")] public List<string>? ScopesRequired { get; set; }
        [JsonPropertyName("per_tool_requirements")] public List<ToolRequirementWire>? PerToolRequirements { get; set; }

        public ScopeRecommendation ToModel(string toolkit, string authScheme, string[] tools)
        {
            var groups = (PerToolRequirements ?? new List<ToolRequirementWire>())
                .SelectMany(t => t.ScopeRequirements?.AllOf ?? new List<JsonElement>())
                .Select(Alternatives)
                .Where(g => g.Count > 0)
                .ToList();
            return new ScopeRecommendation
            {
                Toolkit = toolkit,
                AuthScheme = authScheme,
                Tools = tools,
                LeastPrivilege = (ScopesRequired ?? new List<string>()).ToArray(),
                Fewest = Cover(groups),
            };
        }

        /// <summary>A requirement's acceptable scopes: one scope, or any of several.</summary>
        private static List<string> Alternatives(JsonElement requirement)
        {
            if (requirement.ValueKind == JsonValueKind.String)
            {
                return new List<string> { requirement.GetString()! };
            }
            if (requirement.ValueKind == JsonValueKind.Object && requirement.TryGetProperty("any_of", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
            {
                return anyOf.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList();
            }
            return new List<string>();
        }

        /// <summary>Greedy set cover: the scope meeting the most open requirements first (first seen wins a tie).</summary>
        private static string[] Cover(List<List<string>> groups)
        {
            var chosen = new List<string>();
            var open = groups.ToList();
            while (open.Count > 0)
            {
                var best = open.SelectMany(g => g).Distinct(StringComparer.Ordinal)
                    .OrderByDescending(s => open.Count(g => g.Contains(s, StringComparer.Ordinal)))
                    .First();
                chosen.Add(best);
                open.RemoveAll(g => g.Contains(best, StringComparer.Ordinal));
            }
            return chosen.ToArray();
        }
    }

    internal sealed class ToolRequirementWire
    {
        [JsonPropertyName("tool")] public string? Tool { get; set; }
        [JsonPropertyName("scope_requirements")] public ScopeRequirementsWire? ScopeRequirements { get; set; }
    }

    internal sealed class ScopeRequirementsWire
    {
        [JsonPropertyName("all_of")] public List<JsonElement>? AllOf { get; set; }
    }
}
