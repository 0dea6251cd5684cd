using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// The auth configs one connection has seen: their names (for -Id completion without a
    /// request, while fresh) and their types (so Set-ComposioAuthConfig picks the PATCH body
    /// variant without a GET; a type never changes, so it does not go stale). Bounded, so a
    /// listing of 100,000 configs does not grow memory.
    /// </summary>
    internal sealed class SeenAuthConfigs
    {
        /// <summary>How long a seen config is offered by completion.</summary>
        public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);
        private const int Capacity = 10000;
        private readonly object _gate = new object();
        private readonly Dictionary<string, Seen> _seen = new Dictionary<string, Seen>(StringComparer.Ordinal);

        public void Remember(AuthConfig config)
        {
            if (string.IsNullOrEmpty(config.Id))
            {
                return;
            }
            lock (_gate)
            {
                if (_seen.Count >= Capacity && !_seen.ContainsKey(config.Id))
                {
                    DropOldestHalf();
                }
                _seen[config.Id] = new Seen(config.Id, config.Name, config.Toolkit, (int)config.Type, DateTime.UtcNow);
            }
        }

        public void Forget(string id)
        {
            lock (_gate)
            {
                _seen.Remove(id);
            }
        }

        public bool TryGetType(string id, out AuthConfigType type)
        {
            lock (_gate)
            {
                var known = _seen.TryGetValue(id, out var seen);
                type = known ? (AuthConfigType)seen.Type : default;
                return known;
            }
        }

        /// <summary>The configs seen within <see cref="FreshFor"/>, newest first.</summary>
        public IReadOnlyList<Seen> Fresh()
        {
            lock (_gate)
            {
                var cutoff = DateTime.UtcNow - FreshFor;
                return _seen.Values.Where(s => s.At > cutoff).OrderByDescending(s => s.At).ToList();
            }
        }

        private void DropOldestHalf()
        {
            foreach (var old in _seen.Values.OrderBy(s => s.At).Take(_seen.Count / 2).Select(s => s.Id).ToList())
            {
                _seen.Remove(old);
            }
        }

        internal sealed class Seen
        {
            public Seen(string id, string? name, string toolkit, int type, DateTime at)
            {
                Id = id;
                Name = name;
                Toolkit = toolkit;
                Type = type;
                At = at;
            }

            public string Id { get; }
            public string? Name { get; }
            public string Toolkit { get; }
            /// <summary>An <see cref="AuthConfigType"/>, kept as int like the cmdlets keep it.</summary>
            public int Type { get; }
            public DateTime At { get; }
        }
    }
}
