using System;
using System.Collections.Concurrent;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// The type (managed or custom) of auth configs whose objects passed through -Id, so
    /// Set-ComposioAuthConfig can pick the PATCH body variant without a GET. A config's type
    /// never changes after creation, so a remembered type does not go stale; the map is bounded.
    /// </summary>
    internal static class AuthConfigTypes
    {
        private const int Capacity = 10000;
        private static readonly ConcurrentDictionary<string, AuthConfigType> s_types =
            new ConcurrentDictionary<string, AuthConfigType>(StringComparer.Ordinal);

        public static void Remember(AuthConfig config)
        {
            if (string.IsNullOrEmpty(config.Id))
            {
                return;
            }
            if (s_types.Count >= Capacity)
            {
                s_types.Clear();
            }
            s_types[config.Id] = config.Type;
        }

        public static bool TryGet(string id, out AuthConfigType type) => s_types.TryGetValue(id, out type);
    }
}
