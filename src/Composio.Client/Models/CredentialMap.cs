using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio
{
    /// <summary>
    /// An auth config's credential fields as the client hands them out (secret values already
    /// `***`). Reads as `client_id=abc; client_secret=***`, sorted by key, for reports.
    /// </summary>
    public sealed class CredentialMap : Dictionary<string, object?>
    {
        public CredentialMap()
            : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() =>
            string.Join("; ", this.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Text(p.Value)));

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            IEnumerable<object?> items when !(value is string) => string.Join(",", items),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
