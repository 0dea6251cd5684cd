using System.Collections.Generic;
using System.Linq;

namespace Composio.Client.Json
{
    /// <summary>Words for the values an answer held that could not be read (see <see cref="ReadProblems"/>).</summary>
    public static class UnreadableValues
    {
        /// <summary>One sentence; the first few values are named.</summary>
        public static string Summary(IReadOnlyCollection<string> items)
        {
            const int Named = 5;
            var named = string.Join("; ", items.Take(Named));
            var more = items.Count > Named ? $"; and {items.Count - Named} more" : string.Empty;
            return $"{items.Count} value(s) in the answer could not be read and were left empty: {named}{more}.";
        }
    }
}
