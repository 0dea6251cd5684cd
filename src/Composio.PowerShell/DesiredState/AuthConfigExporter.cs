using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Redaction;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Turns a server config into the entry that declares it, so that exporting then syncing
    /// changes nothing: the same scopes, tools, non-secret credentials and enabled state, and
    /// every secret as a reference (the server masks secrets on read, so there is no value to export anyway).
    /// </summary>
    internal static class AuthConfigExporter
    {
        public static DesiredAuthConfig From(AuthConfig config, Toolkit? toolkit)
        {
            var custom = !config.IsComposioManaged;
            var entry = new DesiredAuthConfig
            {
                Toolkit = config.Toolkit,
                Name = config.Name ?? string.Empty,
                Type = custom ? AuthConfigType.Custom : AuthConfigType.ComposioManaged,
                AuthScheme = custom ? config.AuthScheme?.ToUpperInvariant() : null,
                Enabled = config.IsEnabled ?? true,
                ToolsForConnectedAccountCreation = config.ToolsForConnectedAccountCreation.Count > 0 ? config.ToolsForConnectedAccountCreation.ToArray() : null,
            };
            entry.Scopes = ScopeList(config, CredentialFields.Scopes);
            entry.UserScopes = ScopeList(config, CredentialFields.UserScopes);
            entry.ToolsAvailableForExecution = config.ToolsAvailableForExecution.Count > 0 ? config.ToolsAvailableForExecution.ToArray() : null;
            entry.EnabledForToolRouter = config.IsEnabledForToolRouter;
            if (custom && config.ProxyUrl != null)
            {
                entry.ProxyUrl = config.ProxyUrl;
                // The key is a secret the server masks: a reference, filled from -Secret at sync time.
                entry.ProxyAuthKey = config.ProxyAuthKey == null ? null : new SecretReference(SecretName(entry.Toolkit, entry.Name, "proxy_auth_key"), null);
            }
            if (config.SharedCredentials.Count > 0)
            {
                entry.SharedCredentials = config.SharedCredentials.Keys
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .Select(k => new DesiredCredential(k, 0, null, new SecretReference(SecretName(entry.Toolkit, entry.Name, "shared." + k), null)))
                    .ToList();
            }
            if (custom)
            {
                entry.Credentials = config.Credentials
                    .Where(c => c.Value != null && !string.Equals(c.Key, CredentialFields.Scopes, StringComparison.OrdinalIgnoreCase) && !string.Equals(c.Key, CredentialFields.UserScopes, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => Credential(entry, toolkit, c.Key, c.Value!))
                    .ToList();
            }
            return entry;
        }

        /// <summary>A comma-joined or list credential (scopes, user_scopes) as a list; null when the config has none.</summary>
        private static string[]? ScopeList(AuthConfig config, string field) =>
            config.Credentials.TryGetValue(field, out var value) && value != null
                ? (value is string[] list ? list : (value.ToString() ?? string.Empty).Split(','))
                    .Select(s => s.Trim()).Where(s => s.Length > 0).ToArray()
                : null;

        /// <summary>The name an exported secret reference gets: unique per toolkit, config and field.</summary>
        public static string SecretName(string toolkit, string name, string key) => $"{toolkit}.{name}.{key}";

        private static DesiredCredential Credential(DesiredAuthConfig entry, Toolkit? toolkit, string key, object value)
        {
            var masked = string.Equals(value as string, SecretNames.Mask, StringComparison.Ordinal);
            if (masked || SecretFields.IsSecret(toolkit, entry.AuthScheme, key))
            {
                return new DesiredCredential(key, 0, null, new SecretReference(SecretName(entry.Toolkit, entry.Name, key), null));
            }
            var literal = value switch
            {
                string[] list => string.Join(",", list),
                int i => (long)i,
                _ => value,
            };
            return new DesiredCredential(key, 0, literal, null);
        }
    }
}
