using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Composio.PowerShell.Binding
{
    /// <summary>Completes toolkit slugs: from the cache when it has them, else with one request.</summary>
    public sealed class ToolkitSlugCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var cache = Completion.ConnectionFor(fakeBoundParameters)?.Toolkits;
            if (cache == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            var slugs = cache.TryGetCachedSlugs(out var cached) ? cached : Completion.Fetch(cache.GetSlugsAsync);
            return slugs == null ? Enumerable.Empty<CompletionResult>() : Completion.Matching(slugs, wordToComplete);
        }
    }
}
