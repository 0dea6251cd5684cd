using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>Writes entries as a .psd1 desired-state file that <see cref="PowerShellDataReader"/> reads back unchanged.</summary>
    internal static class PowerShellDataWriter
    {
        private static readonly Regex s_bareKey = new Regex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant);

        public static string Write(IEnumerable<DesiredAuthConfig> entries)
        {
            var nl = Environment.NewLine;
            var text = new StringBuilder();
            text.Append("# Composio auth configs: the desired state that Sync-ComposioAuthConfig applies.").Append(nl);
            text.Append("# Secret values are never written here. Each secret is a reference, filled at sync time from").Append(nl);
            text.Append("# -Secret @{ '<name>' = <SecureString> } or, with Env = '<VARIABLE>', from an environment variable.").Append(nl);
            text.Append("@{").Append(nl);
            text.Append("    # Uncomment to let Sync-ComposioAuthConfig -Prune remove configs in this scope that are not listed below:").Append(nl);
            text.Append("    # Prune = @{ Toolkits = 'github', 'slack'; Name = 'prod-*' }").Append(nl);
            text.Append("    AuthConfigs = @(").Append(nl);
            foreach (var entry in entries)
            {
                text.Append("        @{").Append(nl);
                Line(text, "Toolkit", PowerShellLiteral.Quote(entry.Toolkit));
                Line(text, "Name", PowerShellLiteral.Quote(entry.Name));
                Line(text, "Type", PowerShellLiteral.Quote(entry.Type.ToString()));
                if (entry.AuthScheme != null)
                {
                    Line(text, "AuthScheme", PowerShellLiteral.Quote(entry.AuthScheme));
                }
                if (entry.Credentials.Count > 0)
                {
                    text.Append("            Credentials = @{").Append(nl);
                    foreach (var credential in entry.Credentials)
                    {
                        text.Append("                ").Append(Key(credential.Key)).Append(" = ").Append(Value(credential)).Append(nl);
                    }
                    text.Append("            }").Append(nl);
                }
                else if (entry.Type == AuthConfigType.Custom)
                {
                    Line(text, "Credentials", "@{}");
                }
                if (entry.Scopes != null)
                {
                    Line(text, "Scopes", List(entry.Scopes));
                }
                if (entry.UserScopes != null)
                {
                    Line(text, "UserScopes", List(entry.UserScopes));
                }
                if (entry.ToolsForConnectedAccountCreation != null)
                {
                    Line(text, "ToolsForConnectedAccountCreation", List(entry.ToolsForConnectedAccountCreation));
                }
                if (entry.ToolsAvailableForExecution != null)
                {
                    Line(text, "ToolsAvailableForExecution", List(entry.ToolsAvailableForExecution));
                }
                if (entry.ProxyUrl != null)
                {
                    Line(text, "ProxyUrl", PowerShellLiteral.Quote(entry.ProxyUrl));
                }
                if (entry.ProxyAuthKey != null)
                {
                    Line(text, "ProxyAuthKey", Reference(entry.ProxyAuthKey));
                }
                if (entry.EnabledForToolRouter != null)
                {
                    Line(text, "EnabledForToolRouter", entry.EnabledForToolRouter.Value ? "$true" : "$false");
                }
                if (entry.SharedCredentials != null)
                {
                    text.Append("            SharedCredentials = @{").Append(nl);
                    foreach (var credential in entry.SharedCredentials)
                    {
                        text.Append("                ").Append(Key(credential.Key)).Append(" = ").Append(Value(credential)).Append(nl);
                    }
                    text.Append("            }").Append(nl);
                }
                Line(text, "Enabled", entry.Enabled ? "$true" : "$false");
                text.Append("        }").Append(nl);
            }
            text.Append("    )").Append(nl);
            text.Append("}").Append(nl);
            return text.ToString();
        }

        private static void Line(StringBuilder text, string key, string value) =>
            text.Append("            ").Append(key).Append(" = ").Append(value).Append(Environment.NewLine);

        private static string Value(DesiredCredential credential)
        {
            if (credential.Reference != null)
            {
                return Reference(credential.Reference);
            }
            return credential.Literal switch
            {
                bool b => b ? "$true" : "$false",
                string s => PowerShellLiteral.Quote(s),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => PowerShellLiteral.Quote(other?.ToString() ?? string.Empty),
            };
        }

        private static string Reference(SecretReference reference)
        {
            var parts = new List<string>();
            if (reference.Secret != null)
            {
                parts.Add("Secret = " + PowerShellLiteral.Quote(reference.Secret));
            }
            if (reference.Env != null)
            {
                parts.Add("Env = " + PowerShellLiteral.Quote(reference.Env));
            }
            return "@{ " + string.Join("; ", parts) + " }";
        }

        private static string List(IEnumerable<string> values) => "@(" + string.Join(", ", values.Select(PowerShellLiteral.Quote)) + ")";

        private static string Key(string key) => s_bareKey.IsMatch(key) ? key : PowerShellLiteral.Quote(key);
    }
}
