using System.Collections.Generic;
using System.Linq;

namespace Composio.Client.Wire
{
    /// <summary>
    /// Credential maps as they go on the wire: each value a string, number, boolean or string
    /// array, anything else as its text. A null value stays null: in a PATCH it removes the key.
    /// </summary>
    internal static class CredentialValues
    {
        public static Dictionary<string, object?>? From(IDictionary<string, object?>? values) =>
            values?.ToDictionary(pair => pair.Key, pair => Value(pair.Value));

        private static object? Value(object? value) => value switch
        {
            null => null,
            string s => s,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            decimal m => m,
            IEnumerable<string> list => list.ToArray(),
            _ => value.ToString(),
        };
    }
}
