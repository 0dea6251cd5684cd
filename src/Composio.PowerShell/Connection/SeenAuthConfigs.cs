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
                _seen[config.Id] = new Seen(config.Id, config.Name, config.Toolkit, config.AuthScheme, config.IsComposioManaged, DateTime.UtcNow)
                {
                    ConnectionCount = config.ConnectionCount,
                };
            }
        }

        public void Forget(string id)
        {
            lock (_gate)
            {
                _seen.Remove(id);
            }
        }

        public bool TryGet(string id, out Seen seen)
        {
            lock (_gate)
            {
                return _seen.TryGetValue(id, out seen!);
            }
        }

        /// <summary>A config seen with this name (exactly) and toolkit, the newest; for New's duplicate warning.</summary>
        public bool TryFindNamed(string toolkit, string name, out Seen seen)
        {
            lock (_gate)
            {
                seen = _seen.Values
                    .Where(s => string.Equals(s.Name, name, StringComparison.Ordinal) && string.Equals(s.Toolkit, toolkit, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(s => s.At).FirstOrDefault()!;
                return seen != null;
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
            public Seen(string id, string? name, string toolkit, string? authScheme, bool isComposioManaged, DateTime at)
            {
                Id = id;
                Name = name;
                Toolkit = toolkit;
                AuthScheme = authScheme;
                IsComposioManaged = isComposioManaged;
                At = at;
            }

            public string Id { get; }
            public string? Name { get; }
            public string Toolkit { get; }
            public string? AuthScheme { get; }
            public bool IsComposioManaged { get; }
            public AuthConfigType Type => IsComposioManaged ? AuthConfigType.ComposioManaged : AuthConfigType.Custom;
            public DateTime At { get; }

            /// <summary>Connected accounts using the config when it was seen; null when the answer did not say.</summary>
            public int? ConnectionCount { get; set; }
        }
    }
}
