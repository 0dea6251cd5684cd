using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes auth-config ids from the ones the connection saw in the last few minutes; when
    /// there are none, fetches one page. Matches the id or the name; the name shows as the tooltip.
    /// </summary>
    public sealed class AuthConfigIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }
            var seen = Completion.SeenConfigs(connection);
            var word = Completion.Word(wordToComplete);
            return seen
                .Where(s => s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    || (s.Name != null && s.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(s => s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => Completion.Result(s.Id, Tooltip(s)))
                .ToList();
        }

        private static string Tooltip(SeenAuthConfigs.Seen seen) =>
            (string.IsNullOrEmpty(seen.Name) ? seen.Id : seen.Name) + " (" + seen.Toolkit + ")";
    }
}
