using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Composio.Client.Http
{
    /// <summary>Builds a query string the way the API reads it: booleans as true/false, arrays comma-joined.</summary>
    internal sealed class QueryString
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public QueryString Add(string name, string? value)
        {
            if (value != null)
            {
                _pairs.Add(new KeyValuePair<string, string>(name, value));
            }
            return this;
        }

        public QueryString Add(string name, bool? value) => Add(name, value == null ? null : (value.Value ? "true" : "false"));

        public QueryString Add(string name, int? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public QueryString Add(string name, IEnumerable<string>? values) =>
            values == null ? this : Add(name, string.Join(",", values.Where(v => !string.IsNullOrEmpty(v))));

        public override string ToString()
        {
            if (_pairs.Count == 0)
            {
                return string.Empty;
            }
            var text = new StringBuilder("?");
            foreach (var pair in _pairs)
            {
                if (text.Length > 1)
                {
                    text.Append('&');
                }
                text.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            }
            return text.ToString();
        }
    }
}
