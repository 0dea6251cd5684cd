using System;
using System.Collections.Generic;
using System.Linq;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// New-ComposioAuthConfig -SkipExisting's view of one command run: each toolkit's configs,
    /// listed once per connection, plus those the run created, so a rerun of a CSV (or a file
    /// with a name twice) creates each name once.
    /// </summary>
    internal sealed class ExistingConfigs
    {
        private readonly Dictionary<(ComposioConnection, string), List<AuthConfig>> _byToolkit = new Dictionary<(ComposioConnection, string), List<AuthConfig>>();

        public bool Has(ComposioConnection connection, string toolkit) => _byToolkit.ContainsKey(Key(connection, toolkit));

        public void Fill(ComposioConnection connection, string toolkit, IEnumerable<AuthConfig> configs) =>
            _byToolkit[Key(connection, toolkit)] = configs.ToList();

        /// <summary>Adds a config the run made, when its toolkit was listed.</summary>
        public void Add(ComposioConnection connection, AuthConfig config)
        {
            if (_byToolkit.TryGetValue(Key(connection, config.Toolkit), out var list))
            {
                list.Add(config);
            }
        }

        /// <summary>Names compare exactly, as the server stores them (and as Sync matches them).</summary>
        public AuthConfig? Find(ComposioConnection connection, string toolkit, string name) =>
            _byToolkit.TryGetValue(Key(connection, toolkit), out var list) ? list.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal)) : null;

        private static (ComposioConnection, string) Key(ComposioConnection connection, string toolkit) => (connection, toolkit.ToLowerInvariant());
    }
}
