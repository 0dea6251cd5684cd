using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Redaction;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Turns a server config into the entry that declares it, so that exporting then syncing
    /// changes nothing: the same scopes, tools, non-secret credentials and enabled state, and
    /// every secret as a reference (the server masks secrets on read, so there is no value to export anyway).
    /// </summary>
    internal static class AuthConfigExporter
    {
        private const string ScopesField = "scopes";

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
            if (config.Credentials.TryGetValue(ScopesField, out var scopes) && scopes != null)
            {
                entry.Scopes = (scopes is string[] list ? list : (scopes.ToString() ?? string.Empty).Split(','))
                    .Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
            }
            if (custom)
            {
                entry.Credentials = config.Credentials
                    .Where(c => c.Value != null && !string.Equals(c.Key, ScopesField, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => Credential(entry, toolkit, c.Key, c.Value!))
                    .ToList();
            }
            return entry;
        }

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
