using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes auth-config ids from the ones the cmdlets saw in the last few minutes; when there
    /// are none, fetches one page. Matches the id or the name; the name shows as the tooltip.
    /// </summary>
    public sealed class AuthConfigIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var client = ComposioSession.Current;
            if (client == null)
            {
                try
                {
                    client = ComposioSession.Require();
                }
                catch (ComposioException)
                {
                    return Array.Empty<CompletionResult>();
                }
            }
            var seen = RecentAuthConfigs.Snapshot(client);
            if (seen.Count == 0)
            {
                try
                {
                    using var budget = new CancellationTokenSource(ToolkitSlugCompleter.RequestBudget);
                    var page = client.ListAuthConfigsAsync(new AuthConfigQuery(), null, null, budget.Token).GetAwaiter().GetResult();
                    foreach (var config in page.Items)
                    {
                        RecentAuthConfigs.Remember(client, config);
                    }
                    seen = RecentAuthConfigs.Snapshot(client);
                }
                catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
                {
                    return Array.Empty<CompletionResult>();
                }
            }
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return seen
                .Where(s => s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    || (s.Name != null && s.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(s => s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new CompletionResult(s.Id, s.Id, CompletionResultType.ParameterValue, Tooltip(s)))
                .ToList();
        }

        private static string Tooltip(RecentAuthConfigs.Seen seen) =>
            string.IsNullOrEmpty(seen.Name) ? seen.Id + " (" + seen.Toolkit + ")" : seen.Name + " (" + seen.Toolkit + ")";
    }
}
