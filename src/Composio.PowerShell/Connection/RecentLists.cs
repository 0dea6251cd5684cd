using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// Lists a connection fetches for completion (the toolkit categories; each toolkit's tools),
    /// kept in memory for a while by key, so repeated Tab presses cost nothing.
    /// </summary>
    internal sealed class RecentLists<T>
    {
        private readonly Func<string, CancellationToken, Task<IReadOnlyList<T>>> _fetch;
        private readonly TimeSpan _maxAge;
        private readonly object _gate = new object();
        private readonly Dictionary<string, (DateTime At, IReadOnlyList<T> Items)> _kept = new Dictionary<string, (DateTime, IReadOnlyList<T>)>(StringComparer.OrdinalIgnoreCase);

        public RecentLists(Func<string, CancellationToken, Task<IReadOnlyList<T>>> fetch, TimeSpan maxAge)
        {
            _fetch = fetch;
            _maxAge = maxAge;
        }

        /// <summary>The list kept for <paramref name="key"/> while fresh, else fetched (all pages) and kept.</summary>
        public async Task<IReadOnlyList<T>> GetAsync(string key, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_kept.TryGetValue(key, out var kept) && DateTime.UtcNow - kept.At < _maxAge)
                {
                    return kept.Items;
                }
            }
            var fetched = await _fetch(key, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _kept[key] = (DateTime.UtcNow, fetched);
            }
            return fetched;
        }
    }
}
