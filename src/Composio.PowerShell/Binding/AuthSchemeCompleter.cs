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
    /// <summary>
    /// Completes the auth schemes of the toolkit already bound to -Toolkit (only the managed
    /// ones when -Type ComposioManaged is bound).
    /// </summary>
    public sealed class AuthSchemeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var toolkit = BoundToolkit(fakeBoundParameters);
            var cache = toolkit == null ? null : ComposioSession.TryToolkits();
            if (cache == null)
            {
                return Array.Empty<CompletionResult>();
            }
            try
            {
                if (!cache.TryGetCached(toolkit!, out var details))
                {
                    using var budget = new CancellationTokenSource(ToolkitSlugCompleter.RequestBudget);
                    details = cache.GetAsync(toolkit!, budget.Token).GetAwaiter().GetResult();
                }
                var managedOnly = fakeBoundParameters["Type"]?.ToString() == nameof(AuthConfigType.ComposioManaged);
                var schemes = managedOnly ? details.ComposioManagedAuthSchemes : details.AuthSchemes;
                return ToolkitSlugCompleter.Matching(schemes, wordToComplete);
            }
            catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        /// <summary>The slug bound to -Toolkit, whether given as text or as an object with a Slug/Toolkit property.</summary>
        internal static string? BoundToolkit(IDictionary fakeBoundParameters)
        {
            var value = fakeBoundParameters["Toolkit"] ?? fakeBoundParameters["Slug"];
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }
            return value switch
            {
                null => null,
                string text => text,
                Toolkit t => t.Slug,
                AuthConfig c => c.Toolkit,
                _ => value.ToString(),
            };
        }
    }
}
