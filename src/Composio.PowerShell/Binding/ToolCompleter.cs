using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Composio.Client.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes the tool-list parameters (-ToolsAvailableForExecution, -ToolsForConnectedAccountCreation,
    /// -Tool) with the tool slugs of the toolkit in play: the one bound to -Toolkit, else (Set) the
    /// toolkit of the config bound to -Id. The tools come from the connection's tool lists (one
    /// GET /tools walk per toolkit, then kept), within the completers' time budget.
    /// </summary>
    public sealed class ToolCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            var toolkit = connection == null ? null : AuthSchemeCompleter.BoundToolkit(fakeBoundParameters) ?? ConfigToolkit(connection, fakeBoundParameters);
            if (connection == null || string.IsNullOrEmpty(toolkit))
            {
                return Array.Empty<CompletionResult>();
            }
            var tools = Completion.Fetch(token => connection.Tools.GetAsync(toolkit!, token)) ?? Array.Empty<Tool>();
            return Completion.Matching(tools.Select(t => (t.Slug, string.IsNullOrEmpty(t.Name) ? t.Slug : $"{t.Slug} ({t.Name})")), wordToComplete);
        }

        /// <summary>The toolkit of the config bound to -Id: from what the connection has seen, else one bounded read.</summary>
        private static string? ConfigToolkit(ComposioConnection connection, IDictionary fakeBoundParameters)
        {
            var bound = fakeBoundParameters["Id"];
            if (bound is PSObject wrapped)
            {
                bound = wrapped.BaseObject;
            }
            if (bound is AuthConfig config)
            {
                return config.Toolkit;
            }
            var id = Completion.BoundStrings(fakeBoundParameters, "Id").FirstOrDefault();
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }
            try
            {
                return Completion.SeenOrRead(connection, id!, _ => true).Toolkit;
            }
            catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
            {
                return null;
            }
        }
    }
}
