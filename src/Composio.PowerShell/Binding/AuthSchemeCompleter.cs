using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

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
            var details = BoundToolkitDetails(fakeBoundParameters);
            if (details == null)
            {
                return Array.Empty<CompletionResult>();
            }
            var managedOnly = fakeBoundParameters["Type"]?.ToString() == nameof(AuthConfigType.ComposioManaged);
            return Completion.Matching(managedOnly ? details.ComposioManagedAuthSchemes : details.AuthSchemes, wordToComplete);
        }

        /// <summary>The toolkit bound to -Toolkit, from the cache or one bounded request; null when there is none.</summary>
        internal static Toolkit? BoundToolkitDetails(IDictionary fakeBoundParameters)
        {
            var toolkit = BoundToolkit(fakeBoundParameters);
            var cache = toolkit == null ? null : Completion.ConnectionFor(fakeBoundParameters)?.Toolkits;
            if (cache == null)
            {
                return null;
            }
            return Completion.Fetch(token => cache.GetAsync(toolkit!, token));
        }

        /// <summary>The slug bound to -Toolkit, whether given as text or as an object with a Slug/Toolkit property.</summary>
        internal static string? BoundToolkit(IDictionary fakeBoundParameters)
        {
            var value = fakeBoundParameters["Toolkit"] ?? fakeBoundParameters["Slug"];
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }
            return ToolkitSlugTransformationAttribute.SlugOf(value) ?? value?.ToString();
        }
    }
}
