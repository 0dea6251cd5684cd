using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>Writes entries as a .psd1 desired-state file that <see cref="PowerShellDataReader"/> reads back unchanged, key by key as <see cref="DesiredStateKeys.Entry"/> lists them.</summary>
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
            text.Append("    ").Append(DesiredStateKeys.AuthConfigs).Append(" = @(").Append(nl);
            foreach (var entry in entries)
            {
                text.Append("        @{").Append(nl);
                foreach (var key in DesiredStateKeys.Entry)
                {
                    if (key.Read(entry) is object value)
                    {
                        WriteKey(text, key, value);
                    }
                }
                text.Append("        }").Append(nl);
            }
            text.Append("    )").Append(nl);
            text.Append("}").Append(nl);
            return text.ToString();
        }

        private static void WriteKey(StringBuilder text, EntryKey key, object value)
        {
            const string indent = "            ";
            var nl = Environment.NewLine;
            text.Append(indent).Append(key.Name).Append(" = ");
            switch (key.Kind)
            {
                case EntryValueKind.Text:
                case EntryValueKind.Choice:
                    text.Append(PowerShellLiteral.Quote((string)value));
                    break;
                case EntryValueKind.Words:
                case EntryValueKind.CommaWords:
                    text.Append("@(").Append(string.Join(", ", ((IEnumerable<string>)value).Select(PowerShellLiteral.Quote))).Append(')');
                    break;
                case EntryValueKind.Flag:
                    text.Append(Flag((bool)value));
                    break;
                case EntryValueKind.Secret:
                    text.Append(Reference((SecretReference)value));
                    break;
                case EntryValueKind.Credentials:
                case EntryValueKind.SecretMap:
                    var credentials = (IReadOnlyList<DesiredCredential>)value;
                    if (credentials.Count == 0)
                    {
                        text.Append("@{}");
                        break;
                    }
                    text.Append("@{").Append(nl);
                    foreach (var credential in credentials)
                    {
                        text.Append(indent).Append("    ").Append(Key(credential.Key)).Append(" = ").Append(Value(credential)).Append(nl);
                    }
                    text.Append(indent).Append('}');
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "A desired-state key of an unknown kind.");
            }
            text.Append(nl);
        }

        private static string Flag(bool value) => value ? "$true" : "$false";

        private static string Value(DesiredCredential credential)
        {
            if (credential.Reference != null)
            {
                return Reference(credential.Reference);
            }
            return credential.Literal switch
            {
                bool b => Flag(b),
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
                parts.Add(DesiredStateKeys.Secret + " = " + PowerShellLiteral.Quote(reference.Secret));
            }
            if (reference.Env != null)
            {
                parts.Add(DesiredStateKeys.Env + " = " + PowerShellLiteral.Quote(reference.Env));
            }
            return "@{ " + string.Join("; ", parts) + " }";
        }

        private static string Key(string key) => s_bareKey.IsMatch(key) ? key : PowerShellLiteral.Quote(key);
    }
}
