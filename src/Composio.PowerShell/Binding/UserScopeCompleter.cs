using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Completes -UserScope from the user-token scopes Composio's managed app offers for the toolkit
    /// bound to -Toolkit (composio_managed_auth[].user_scopes.available).
    /// </summary>
    public sealed class UserScopeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var details = AuthSchemeCompleter.BoundToolkitDetails(fakeBoundParameters);
            var scopes = (details?.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>()).SelectMany(d => d.AvailableUserScopes).Distinct(StringComparer.Ordinal);
            return Completion.Matching(scopes, wordToComplete);
        }
    }
}
