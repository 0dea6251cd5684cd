using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Requests;
using Composio.Client.Validation;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Get-ComposioAuthConfig's filters split in two: what the server can narrow (literal toolkits,
    /// a search text, the type, whether disabled configs come at all) and what only the client can
    /// match (wildcards, the status). The server's `search` is a plain substring of name or id, so
    /// a pattern sends only its literal prefix and is matched here, like PowerShell's -like.
    /// </summary>
    internal sealed class ListingFilter
    {
        public const string Enabled = "Enabled";
        public const string Disabled = "Disabled";

        private readonly List<WildcardPattern> _names;
        private readonly List<WildcardPattern> _toolkits;
        private readonly WildcardPattern? _search;
        private readonly string? _status;

        public ListingFilter(string[]? names, string[]? toolkits, string? search, string? status, bool? isComposioManaged)
        {
            _names = Patterns(names);
            _status = status == null ? null
                : string.Equals(status, Enabled, StringComparison.OrdinalIgnoreCase) ? Enabled : Disabled;
            var literalToolkits = toolkits?.Where(t => !WildcardPattern.ContainsWildcardCharacters(t)).ToArray();
            // One wildcard among the toolkits means the server cannot narrow by toolkit at all.
            var anyToolkitPattern = toolkits != null && literalToolkits!.Length != toolkits.Length;
            _toolkits = anyToolkitPattern ? Patterns(toolkits) : new List<WildcardPattern>();
            LiteralToolkits = anyToolkitPattern ? Array.Empty<string>() : literalToolkits ?? Array.Empty<string>();
            var searchIsPattern = search != null && WildcardPattern.ContainsWildcardCharacters(search);
            _search = searchIsPattern ? new WildcardPattern(search, WildcardOptions.IgnoreCase) : null;
            Query = new AuthConfigQuery
            {
                Toolkits = toolkits == null || anyToolkitPattern ? null : toolkits,
                IsComposioManaged = isComposioManaged,
                // Both states by default: a listing that hides disabled configs makes `Get | Enable` a no-op.
                ShowDisabled = _status != Enabled,
                Search = searchIsPattern ? Prefix(search!) : search ?? (names?.Length == 1 ? Prefix(names[0]) : null),
            };
        }

        /// <summary>The server-side part of the filter.</summary>
        public AuthConfigQuery Query { get; }

        /// <summary>Toolkit slugs sent to the server (each checked to exist first); empty when a pattern made the server filter useless.</summary>
        public IReadOnlyList<string> LiteralToolkits { get; }

        /// <summary>True when configs the server returns may still be dropped here, so page sizes and totals are the server's, not ours.</summary>
        public bool MatchesClientSide => _names.Count > 0 || _toolkits.Count > 0 || _search != null || _status == Disabled;

        public bool IsMatch(AuthConfig config) =>
            (_names.Count == 0 || _names.Any(p => p.IsMatch(config.Name ?? string.Empty) || p.IsMatch(config.Id)))
            && (_toolkits.Count == 0 || _toolkits.Any(p => p.IsMatch(config.Toolkit)))
            && (_search == null || _search.IsMatch(config.Name ?? string.Empty) || _search.IsMatch(config.Id))
            && (_status == null || (_status == Enabled ? config.IsEnabled != false : config.IsEnabled == false));

        /// <summary>
        /// Name values that are all plain auth config ids (`Get-ComposioAuthConfig ac_1` binds to the
        /// positional -Name): they are fetched by id, as -Id would, instead of searched as names.
        /// </summary>
        public static bool AreIds(string[]? names) =>
            names != null && names.Length > 0 && names.All(ApiIdentifiers.IsAuthConfigId);

        /// <summary>Throws InvalidToolkitSlug for a toolkit pattern that, wildcards aside, is not made of slug characters.</summary>
        public static void CheckToolkitPatterns(string[]? toolkits)
        {
            foreach (var pattern in toolkits ?? Array.Empty<string>())
            {
                var literal = new string(pattern.Where(c => c != '*' && c != '?' && c != '[' && c != ']').ToArray());
                if (WildcardPattern.ContainsWildcardCharacters(pattern) && literal.Length > 0 && !ApiIdentifiers.IsToolkitSlug(literal))
                {
                    ApiIdentifiers.ToolkitSlug(pattern); // throws, naming the value given
                }
            }
        }

        private static List<WildcardPattern> Patterns(string[]? values) =>
            (values ?? Array.Empty<string>()).Select(v => new WildcardPattern(v, WildcardOptions.IgnoreCase)).ToList();

        /// <summary>The literal text before the first wildcard (or escape), when there is any; a prefix narrows whatever kind of match the server makes.</summary>
        private static string? Prefix(string pattern)
        {
            var end = pattern.IndexOfAny(new[] { '*', '?', '[', ']', '`' });
            var prefix = end < 0 ? pattern : pattern.Substring(0, end);
            return prefix.Length == 0 ? null : prefix;
        }
    }
}
