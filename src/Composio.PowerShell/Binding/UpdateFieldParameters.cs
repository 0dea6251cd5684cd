using System;
using System.Collections.Generic;
using System.Threading;
using Composio.Client.Errors;
using Composio.Client.Validation;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Set-ComposioAuthConfig's credential-field parameters (`-ClientSecret` for a rotation): the
    /// creation fields of the scheme of the config named by -Id on the command line. Known from
    /// what the connection has seen, else one GET and the cached toolkit. Never throws: with piped
    /// ids or no connection there are none (-Credentials always works); when the config or its
    /// toolkit cannot be read, the reason is kept (<see cref="AuthFieldParameters.Unknown"/>) for
    /// the command to report if the command line used a field parameter.
    /// </summary>
    internal static class UpdateFieldParameters
    {
        public static AuthFieldParameters For(ComposioConnection? connection, string[]? ids, Type cmdletType)
        {
            try
            {
                var id = ids == null || ids.Length == 0 ? null : ids[0];
                var conn = id == null || !ApiIdentifiers.IsAuthConfigId(id) ? null : connection ?? Connections.TryRequire();
                if (conn == null)
                {
                    return AuthFieldParameters.Empty;
                }
                try
                {
                    var seen = Completion.SeenOrRead(conn, id!, s => s.AuthScheme != null);
                    if (seen.Type == AuthConfigType.ComposioManaged || seen.AuthScheme == null)
                    {
                        return AuthFieldParameters.Empty;
                    }
                    using var toolkitBudget = new CancellationTokenSource(Completion.RequestBudget);
                    var toolkit = conn.Toolkits.GetAsync(seen.Toolkit, toolkitBudget.Token).GetAwaiter().GetResult();
                    return AuthFieldParameters.For(AuthSchemes.Detail(toolkit, seen.AuthScheme).AuthConfigCreationFields, cmdletType, new List<string> { CredentialFields.Scopes });
                }
                catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
                {
                    return AuthFieldParameters.Unknown(ex, "auth config " + id);
                }
            }
#pragma warning disable CA1031 // Dynamic parameters run inside parameter binding and tab completion: any failure means "none".
            catch (Exception)
#pragma warning restore CA1031
            {
                return AuthFieldParameters.Empty;
            }
        }
    }
}
