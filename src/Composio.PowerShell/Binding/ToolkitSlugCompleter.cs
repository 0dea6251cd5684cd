using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Composio.Client.Toolkits;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes toolkit slugs: from the cache when it has them, else with one request. The tooltip
    /// shows the display name and whether Composio-managed auth exists, for toolkits already cached
    /// (no request per slug).
    /// </summary>
    public sealed class ToolkitSlugCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var cache = Completion.ConnectionFor(fakeBoundParameters)?.Toolkits;
            if (cache == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            var slugs = Completion.Fetch(cache.GetSlugsAsync);
            if (slugs == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            // Tooltips only for the slugs that match: each may read a cache file.
            var word = Completion.Word(wordToComplete);
            var matching = slugs.Where(s => s.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Select(s => (s, Tooltip(cache, s)));
            return Completion.Matching(matching, wordToComplete);
        }

        private static string Tooltip(ToolkitCache cache, string slug)
        {
            if (!cache.TryGetCached(slug, out var toolkit))
            {
                return slug;
            }
            var managed = toolkit.ComposioManagedAuthSchemes.Length > 0
                ? "Composio-managed auth: " + string.Join(", ", toolkit.ComposioManagedAuthSchemes)
                : "no Composio-managed auth";
            return $"{toolkit.Name ?? slug} ({slug}); {managed}";
        }
    }
}
