using System;
using System.Collections.Generic;
using System.Linq;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Credential keys a config may be given: a custom config's are its scheme's creation fields,
    /// so a typo (`clientsecret`) or another scheme's field (`client_id` on API_KEY) is caught
    /// before sending; a Composio-managed config takes only scopes, so a client id or secret
    /// there (a forgotten `-Type Custom`) is refused instead of sent with a managed config.
    /// </summary>
    internal static class CredentialKeys
    {
        /// <summary>What a Composio-managed config takes in its credentials.</summary>
        public static readonly IReadOnlyCollection<string> ManagedKeys = new[] { "scopes", "user_scopes" };

        public static void Check(Toolkit toolkit, AuthConfigType type, AuthSchemeDetail? scheme, IEnumerable<string> keys, bool allowUndeclared)
        {
            var given = keys.ToList();
            if (type == AuthConfigType.ComposioManaged)
            {
                var refused = given.Where(k => !ManagedKeys.Contains(k, StringComparer.Ordinal)).ToList();
                // With the opt-out, only what some custom scheme of the toolkit declares stays refused: that is an app's own credential.
                if (allowUndeclared)
                {
                    var appFields = new HashSet<string>((toolkit.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>())
                        .SelectMany(d => d.AuthConfigCreationFields).Select(f => f.Name), StringComparer.Ordinal);
                    refused = refused.Where(appFields.Contains).ToList();
                }
                if (refused.Count > 0)
                {
                    var offered = AuthSchemes.Offered(toolkit);
                    throw InputError.New("CredentialsOnManagedConfig",
                        $"A Composio-managed auth config uses Composio's own app: {AuthSchemes.List(refused)} cannot be sent with it. To use your own app's credentials, add -Type Custom{(offered.Length > 0 ? " -AuthScheme " + offered[0] : string.Empty)}; a managed config takes only scopes (-Scope).",
                        string.Join(", ", refused),
                        $"New-ComposioAuthConfig -Toolkit {toolkit.Slug} -Type Custom -AuthScheme {(offered.Length > 0 ? offered[0] : "<scheme>")} ...");
                }
                return;
            }
            if (scheme == null || allowUndeclared || !AuthSchemes.Known(toolkit))
            {
                return;
            }
            var declared = scheme.AuthConfigCreationFields.Select(f => f.Name).ToList();
            var unknown = given.Where(k => !declared.Contains(k, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw InputError.New("UndeclaredCredentialField",
                    $"Auth scheme '{scheme.AuthScheme}' of toolkit '{toolkit.Slug}' has no credential field {AuthSchemes.List(unknown)}. Its fields are: {(declared.Count == 0 ? "(none)" : AuthSchemes.List(declared))}. Pass -AllowUndeclaredField to send it anyway.",
                    string.Join(", ", unknown),
                    $"Get-ComposioAuthConfigField -Toolkit {toolkit.Slug} -AuthScheme {scheme.AuthScheme}");
            }
        }
    }
}
