using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Requests;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Turns what a change was given (Set-ComposioAuthConfig's parameters, a desired-state entry's
    /// differences) into the PATCH the client sends: the change list (field names only, for
    /// ShouldProcess), the checks (before the confirmation), and where scopes go, once:
    /// a Composio-managed config takes them top-level, a custom one in credentials.scopes.
    /// </summary>
    internal sealed class UpdateRequestBuilder
    {

        /// <summary>The new name; null leaves it.</summary>
        public string? Name { get; set; }
        /// <summary>Credential fields to merge into the stored ones (custom configs only).</summary>
        public IReadOnlyDictionary<string, object?>? Credentials { get; set; }
        public string[]? Scope { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        public string[]? ToolsAvailableForExecution { get; set; }
        /// <summary>Merged key by key into the stored shared credentials (a null value removes a key).</summary>
        public IReadOnlyDictionary<string, object?>? SharedCredentials { get; set; }
        /// <summary>Remove every stored shared credential: <see cref="SharedCredentialsHeld"/> are sent as null.</summary>
        public bool ClearSharedCredentials { get; set; }
        /// <summary>With <see cref="ClearSharedCredentials"/>: the keys the config holds (read before building).</summary>
        public string[] SharedCredentialsHeld { get; set; } = Array.Empty<string>();
        /// <summary>Managed: top-level user_scopes; custom: credentials.user_scopes.</summary>
        public string[]? UserScope { get; set; }
        /// <summary>Custom configs: a new proxy.</summary>
        public string? ProxyUrl { get; set; }
        public string? ProxyAuthKey { get; set; }
        /// <summary>Custom configs: remove the proxy.</summary>
        public bool ClearProxy { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        public bool AllowUndeclaredFields { get; set; }

        /// <summary>Whether <see cref="Build"/> needs the config's toolkit and scheme (to check credential keys, to advise on scopes).</summary>
        public bool NeedsScheme => Credentials != null || Scope != null;

        /// <summary>
        /// The checks that need no server, and the change list: "name, credentials (client_secret), scopes".
        /// Throws NothingToSet, EmptyAuthConfigName, ScopeGivenTwice.
        /// </summary>
        public string Changes(string? target)
        {
            Name = WhitespaceRule.Name(Name, target, "keep the current one");
            if (Scope != null && Credentials != null && Credentials.Keys.Any(k => string.Equals(k, CredentialFields.Scopes, StringComparison.OrdinalIgnoreCase)))
            {
                throw ErrorCatalog.ScopeGivenTwice.At(target, "Scope");
            }
            var parts = new List<string>();
            if (Name != null)
            {
                parts.Add("name");
            }
            if (Credentials != null)
            {
                parts.Add("credentials (" + string.Join(", ", Credentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (Scope != null)
            {
                parts.Add(CredentialFields.Scopes);
            }
            if (ToolsForConnectedAccountCreation != null)
            {
                parts.Add("tools for connected account creation");
            }
            if (ToolsAvailableForExecution != null)
            {
                parts.Add("tools available for execution");
            }
            if (SharedCredentials != null)
            {
                // Names only: shared credentials are secrets every connection uses.
                parts.Add("shared credentials (" + string.Join(", ", SharedCredentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (ClearSharedCredentials)
            {
                parts.Add("shared credentials cleared");
            }
            if (UserScope != null)
            {
                parts.Add("user scopes");
            }
            if (ProxyUrl != null || ProxyAuthKey != null)
            {
                // The key is a secret: named, never shown.
                parts.Add(ProxyAuthKey != null ? "proxy (URL, auth key)" : "proxy (URL)");
            }
            if (ClearProxy)
            {
                parts.Add("proxy removed");
            }
            if (IsEnabledForToolRouter != null)
            {
                parts.Add("tool router " + (IsEnabledForToolRouter.Value ? "enabled" : "disabled"));
            }
            if (parts.Count == 0)
            {
                throw ErrorCatalog.NothingToSet.New(target);
            }
            return string.Join(", ", parts);
        }

        /// <summary>The shared credentials to send: the held keys as null when clearing, then the given ones.</summary>
        private Dictionary<string, object?>? Shared(string target)
        {
            if (SharedCredentials == null && !ClearSharedCredentials)
            {
                return null;
            }
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (ClearSharedCredentials)
            {
                foreach (var key in SharedCredentialsHeld)
                {
                    result[key] = null;
                }
            }
            foreach (var pair in SharedCredentials ?? new Dictionary<string, object?>())
            {
                result[pair.Key] = CredentialValidator.Value(pair.Key, pair.Value, target);
            }
            return result;
        }

        /// <summary>The PATCH body for a config of <paramref name="type"/>, after the checks that need to know the config.</summary>
        /// <param name="toolkit">The config's toolkit, when its credential keys are to be checked; null sends them as given.</param>
        public UpdateAuthConfigRequest Build(string target, AuthConfigType type, Toolkit? toolkit, string? authScheme)
        {
            if (type == AuthConfigType.ComposioManaged && Credentials != null)
            {
                throw ErrorCatalog.CredentialsOnManagedUpdate.At(target, "Credentials", target);
            }
            if (ProxyAuthKey != null && ProxyUrl == null)
            {
                throw ErrorCatalog.ProxyAuthKeyWithoutUrl.At(target, "ProxyAuthKey");
            }
            if (type == AuthConfigType.ComposioManaged && (ProxyUrl != null || ClearProxy))
            {
                throw ErrorCatalog.ProxyOnManagedConfig.At(target, "ProxyUrl", target);
            }
            var credentials = Credentials == null ? null
                : toolkit != null && authScheme != null
                    ? new CredentialValidator(toolkit, AuthConfigType.Custom, AuthSchemes.Detail(toolkit, authScheme), AllowUndeclaredFields).Check(Credentials, target)
                    : Credentials.ToDictionary(c => c.Key, c => CredentialValidator.Value(c.Key, c.Value, target), StringComparer.Ordinal);
            var request = new UpdateAuthConfigRequest
            {
                Type = type,
                Name = Name,
                ToolsForConnectedAccountCreation = WhitespaceRule.List(ToolsForConnectedAccountCreation),
                ToolsAvailableForExecution = WhitespaceRule.List(ToolsAvailableForExecution),
                SharedCredentials = Shared(target),
                IsEnabledForToolRouter = IsEnabledForToolRouter,
                ProxyUrl = ProxyUrl?.Trim(),
                ProxyAuthKey = ProxyAuthKey,
                ClearProxy = ClearProxy,
            };
            var scopes = Scope == null ? null : string.Join(",", WhitespaceRule.List(Scope)!);
            var userScopes = UserScope == null ? null : string.Join(",", WhitespaceRule.List(UserScope)!);
            if (type == AuthConfigType.ComposioManaged)
            {
                request.Scopes = scopes;
                request.UserScopes = userScopes;
            }
            else if (credentials != null || scopes != null || userScopes != null)
            {
                credentials ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                if (scopes != null)
                {
                    credentials[CredentialFields.Scopes] = scopes;
                }
                if (userScopes != null)
                {
                    credentials[CredentialFields.UserScopes] = userScopes;
                }
                request.Credentials = credentials;
            }
            return request;
        }
    }
}
