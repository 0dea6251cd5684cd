using System;
using System.Collections.Generic;

namespace Composio.Client.Json
{
    /// <summary>
    /// The values one answer held that could not be read and were left empty. A converter has no
    /// per-call context, so the transport opens a scope around one synchronous deserialization and
    /// the tolerant converters note into it; nothing outlives that call.
    /// </summary>
    internal sealed class ReadProblems : IDisposable
    {
        [ThreadStatic] private static ReadProblems? t_current;
        private readonly ReadProblems? _outer;
        private readonly List<string> _items = new List<string>();

        private ReadProblems(ReadProblems? outer) => _outer = outer;

        public IReadOnlyList<string> Items => _items;

        public static ReadProblems Begin() => t_current = new ReadProblems(t_current);

        /// <summary>`what` names the member and the value, e.g. `no_of_connections ("many")`.</summary>
        public static void Note(string what) => t_current?._items.Add(what);

        public void Dispose() => t_current = _outer;
    }
}
