using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Composio.Client.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>Completes toolkit slugs: from the cache when it has them, else with one request.</summary>
    public sealed class ToolkitSlugCompleter : IArgumentCompleter
    {
        /// <summary>A completer must not hang the prompt: past this, offer nothing.</summary>
        internal static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var cache = ComposioSession.TryToolkits();
            if (cache == null)
            {
                return Array.Empty<CompletionResult>();
            }
            if (!cache.TryGetCachedSlugs(out var slugs))
            {
                try
                {
                    using var budget = new CancellationTokenSource(RequestBudget);
                    slugs = cache.GetSlugsAsync(budget.Token).GetAwaiter().GetResult();
                }
                catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
                {
                    return Array.Empty<CompletionResult>();
                }
            }
            return Matching(slugs, wordToComplete);
        }

        internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }
}
