using System;
using System.Collections.Generic;
using Composio.Client.Validation;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Set-ComposioAuthConfig's credential-field parameters (`-ClientSecret` for a rotation): the
    /// creation fields of the scheme of the config named by -Id on the command line. Known from
    /// what the connection has seen, else one GET and the cached toolkit. Never throws: with piped
    /// ids, no connection or any failure there are none (-Credentials always works).
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
                if (!conn.Seen.TryGet(id!, out var seen) || seen.AuthScheme == null)
                {
                    var config = Completion.Fetch(token => conn.Client.GetAuthConfigAsync(id!, token));
                    if (config == null)
                    {
                        return AuthFieldParameters.Empty;
                    }
                    conn.Seen.Remember(config);
                    conn.Seen.TryGet(id!, out seen);
                }
                if (seen.Type == AuthConfigType.ComposioManaged || seen.AuthScheme == null)
                {
                    return AuthFieldParameters.Empty;
                }
                var toolkit = conn.Toolkits.TryGetCached(seen.Toolkit, out var cached) ? cached : Completion.Fetch(token => conn.Toolkits.GetAsync(seen.Toolkit, token));
                return toolkit == null
                    ? AuthFieldParameters.Empty
                    : AuthFieldParameters.For(AuthSchemes.Detail(toolkit, seen.AuthScheme).AuthConfigCreationFields, cmdletType, new List<string> { "scopes" });
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
