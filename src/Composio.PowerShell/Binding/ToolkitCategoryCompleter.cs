using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Composio.Client;
using Composio.Client.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes toolkit categories (GET /toolkits/categories), kept for a few minutes per
    /// connection so repeated Tab presses cost nothing. Completes the id; the name is the tooltip.
    /// </summary>
    public sealed class ToolkitCategoryCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan s_maxAge = TimeSpan.FromMinutes(10);
        private static readonly object s_gate = new object();
        private static ComposioClient? s_owner;
        private static DateTime s_storedAt;
        private static IReadOnlyList<ToolkitCategory>? s_categories;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var categories = Categories();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return categories
                .Where(c => c.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    || (c.Name != null && c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => new CompletionResult(Quoted(c.Id), c.Id, CompletionResultType.ParameterValue, c.Name ?? c.Id))
                .ToList();
        }

        private static IReadOnlyList<ToolkitCategory> Categories()
        {
            ComposioClient client;
            try
            {
                client = ComposioSession.Require();
            }
            catch (ComposioException)
            {
                return Array.Empty<ToolkitCategory>();
            }
            lock (s_gate)
            {
                if (s_categories != null && ReferenceEquals(s_owner, client) && DateTime.UtcNow - s_storedAt < s_maxAge)
                {
                    return s_categories;
                }
            }
            try
            {
                using var budget = new CancellationTokenSource(ToolkitSlugCompleter.RequestBudget);
                var fetched = client.ListToolkitCategoriesAsync(budget.Token).GetAwaiter().GetResult();
                lock (s_gate)
                {
                    s_owner = client;
                    s_categories = fetched;
                    s_storedAt = DateTime.UtcNow;
                }
                return fetched;
            }
            catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
            {
                return Array.Empty<ToolkitCategory>();
            }
        }

        private static string Quoted(string id) =>
            id.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '&', '|' }) < 0 ? id : "'" + id.Replace("'", "''") + "'";
    }
}
