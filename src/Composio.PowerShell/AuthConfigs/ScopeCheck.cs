using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Compares the scopes given to -Scope with those the toolkit lists for the scheme. Advice
    /// only: a toolkit's lists are not exhaustive, so an unknown scope is a warning, never an error.
    /// </summary>
    internal static class ScopeCheck
    {
        /// <summary>The scopes the toolkit lists for the scheme: those Composio's app can request, and the defaults.</summary>
        public static string[] Known(AuthSchemeDetail scheme) =>
            scheme.AvailableScopes.Concat(scheme.DefaultScopes).Concat(scheme.RequiredScopes)
                .Distinct(StringComparer.Ordinal)
                .ToArray();

        /// <summary>Writes the advice about -Scope: a warning for unlisted scopes, and the required ones for -Verbose.</summary>
        public static void Advise(AuthSchemeDetail scheme, IEnumerable<string> given, Action<string> warn, Action<string> verbose)
        {
            var warning = Warning(scheme, given);
            if (warning != null)
            {
                warn(warning);
            }
            verbose(Required(scheme, given));
        }

        /// <summary>The warning for scopes the toolkit does not list; null when all are listed or it lists none to compare with.</summary>
        public static string? Warning(AuthSchemeDetail scheme, IEnumerable<string> given)
        {
            var known = new HashSet<string>(Known(scheme), StringComparer.Ordinal);
            if (known.Count == 0)
            {
                return null;
            }
            var unknown = Clean(given).Where(s => !known.Contains(s)).ToList();
            if (unknown.Count == 0)
            {
                return null;
            }
            var one = unknown.Count == 1;
            return $"Toolkit '{scheme.Toolkit}' ({scheme.AuthScheme}) does not list {(one ? "this scope" : "these scopes")}: {string.Join(", ", unknown)}. " +
                $"{(one ? "It is" : "They are")} sent as given; check the spelling with Get-ComposioToolkitScope -Toolkit {scheme.Toolkit} -AuthScheme {scheme.AuthScheme}.";
        }

        /// <summary>For -Verbose: the scheme's required scopes, and which of them -Scope leaves out.</summary>
        public static string Required(AuthSchemeDetail scheme, IEnumerable<string> given)
        {
            if (scheme.RequiredScopes.Length == 0)
            {
                return $"Toolkit '{scheme.Toolkit}' ({scheme.AuthScheme}) lists no required scopes.";
            }
            var givenSet = new HashSet<string>(Clean(given), StringComparer.Ordinal);
            var left = scheme.RequiredScopes.Where(s => !givenSet.Contains(s)).ToList();
            return $"Toolkit '{scheme.Toolkit}' ({scheme.AuthScheme}) requires scopes: {string.Join(", ", scheme.RequiredScopes)}" +
                (left.Count == 0 ? "; -Scope includes them all." : $"; not in -Scope: {string.Join(", ", left)}.");
        }

        private static IEnumerable<string> Clean(IEnumerable<string> scopes) =>
            scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal);
    }
}
