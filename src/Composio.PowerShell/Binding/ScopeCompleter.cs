using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes -Scope and -UserScope from the toolkit bound to -Toolkit (the scheme bound to
    /// -AuthScheme, else every scheme), from the toolkit cache: -Scope from the scopes offered,
    /// required and default ones marked in the tooltip; -UserScope from the user-token scopes
    /// Composio's managed app offers (composio_managed_auth[].user_scopes.available).
    /// </summary>
    public sealed class ScopeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var details = AuthSchemeCompleter.BoundToolkitDetails(fakeBoundParameters);
            var scheme = fakeBoundParameters["AuthScheme"]?.ToString();
            var schemes = (details?.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>())
                .Where(d => string.IsNullOrEmpty(scheme) || string.Equals(d.AuthScheme, scheme, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (string.Equals(parameterName, "UserScope", StringComparison.OrdinalIgnoreCase))
            {
                return Completion.Matching(schemes.SelectMany(d => d.AvailableUserScopes).Distinct(StringComparer.Ordinal), wordToComplete);
            }
            var scopes = schemes.SelectMany(d => d.AvailableScopes.Concat(d.RequiredScopes).Concat(d.DefaultScopes))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(s => s, StringComparer.Ordinal)
                .Select(s => (s, s + Note(schemes, s)));
            return Completion.Matching(scopes, wordToComplete);
        }

        private static string Note(IReadOnlyList<AuthSchemeDetail> schemes, string scope) =>
            schemes.Any(d => d.RequiredScopes.Contains(scope, StringComparer.Ordinal)) ? " (required)"
            : schemes.Any(d => d.DefaultScopes.Contains(scope, StringComparer.Ordinal)) ? " (default)"
            : string.Empty;
    }
}
