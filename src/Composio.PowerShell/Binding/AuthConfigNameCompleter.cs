using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes auth-config names from the ones the connection saw in the last few minutes (one
    /// page fetched when there are none), narrowed to the -Toolkit already typed; the tooltip
    /// shows the toolkit and the id.
    /// </summary>
    public sealed class AuthConfigNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }
            var toolkits = Completion.BoundStrings(fakeBoundParameters, "Toolkit");
            var named = Completion.SeenConfigs(connection)
                .Where(s => !string.IsNullOrEmpty(s.Name))
                .Where(s => toolkits.Count == 0 || toolkits.Any(t => new WildcardPattern(t, WildcardOptions.IgnoreCase).IsMatch(s.Toolkit)))
                .GroupBy(s => s.Name!, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.Key, g.Key + " (" + string.Join(", ", g.Select(s => s.Toolkit + " " + s.Id)) + ")"));
            return Completion.Matching(named, wordToComplete);
        }
    }
}
