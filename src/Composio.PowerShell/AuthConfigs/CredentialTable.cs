using System;
using Composio.Client.Redaction;
using Composio.PowerShell.Errors;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Turns a -Credentials hashtable into the field → value map the client sends. Values may be
    /// strings, numbers, booleans or SecureStrings (read at the last moment); anything else is
    /// refused with `InvalidCredentialValue`, naming the key but never the value.
    /// </summary>
    internal static class CredentialTable
    {
        public static Dictionary<string, object?> From(IDictionary? table)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (table == null)
            {
                return result;
            }
            foreach (DictionaryEntry entry in table)
            {
                var key = entry.Key?.ToString();
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw ErrorCatalog.InvalidCredentialKey.At(key, "Credentials");
                }
                result[key!] = Value(key!, entry.Value);
            }
            return result;
        }

        /// <summary>-Credentials and the credential-field parameters (-ClientSecret, ...) together; a field given both ways is refused.</summary>
        public static Dictionary<string, object?> From(IDictionary? table, FieldArguments fields)
        {
            var values = From(table);
            foreach (var given in fields.Given)
            {
                AddOnce(values, given.Key, Value(given.Key, given.Value), "-" + fields.ParameterNames[given.Key]);
            }
            return values;
        }

        /// <summary>Adds one field, refusing a field already given another way (<paramref name="source"/> names this one).</summary>
        public static void AddOnce(IDictionary<string, object?> values, string field, object? value, string source)
        {
            if (values.ContainsKey(field))
            {
                throw ErrorCatalog.DuplicateCredentialField.At(null, field, field, "in -Credentials and as " + source);
            }
            values[field] = value;
        }

        public static object? Value(string key, object? value)
        {
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case null:
                    return null;
                case string s when s.Trim() == SecretNames.Mask:
                    throw ErrorCatalog.MaskedCredentialValue.At(null, key, key);
                case string s:
                    return s;
                case SecureString secure:
                    return PlainText.From(secure);
                case bool b:
                    return b;
                case int i:
                    return i;
                case long l:
                    return l;
                case double d:
                    return d;
                case decimal m:
                    return m;
                case byte or short or uint or ushort or sbyte or float:
                    return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                default:
                    throw ErrorCatalog.InvalidCredentialValue.At(null, key, key, value.GetType().Name);
            }
        }
    }
}
