using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Composio.PowerShell.Binding
{
    /// <summary>Completes toolkit category ids (matching the id or the name); the name is the tooltip.</summary>
    public sealed class ToolkitCategoryCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            var categories = connection == null ? null : Completion.Fetch(token => connection.Categories.GetAsync(string.Empty, token));
            if (categories == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            var word = Completion.Word(wordToComplete);
            return categories
                .Where(c => c.Id.StartsWith(word, System.StringComparison.OrdinalIgnoreCase)
                    || (c.Name != null && c.Name.StartsWith(word, System.StringComparison.OrdinalIgnoreCase)))
                .OrderBy(c => c.Id, System.StringComparer.Ordinal)
                .Select(c => Completion.Result(c.Id, c.Name ?? c.Id))
                .ToList();
        }
    }
}
