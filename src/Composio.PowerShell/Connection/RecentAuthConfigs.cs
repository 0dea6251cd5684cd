using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// Ids and names of the auth configs the cmdlets saw lately, for -Id completion without a
    /// request. Short-lived (configs come and go) and bounded (a listing of 100,000 configs must
    /// not grow memory); tied to one client, so a reconnect to another project starts empty.
    /// </summary>
    internal static class RecentAuthConfigs
    {
        public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
        private const int Capacity = 1000;
        private static readonly object s_gate = new object();
        private static readonly Dictionary<string, Seen> s_seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        private static ComposioClient? s_owner;

        public static void Remember(ComposioClient client, AuthConfig config)
        {
            if (string.IsNullOrEmpty(config.Id))
            {
                return;
            }
            lock (s_gate)
            {
                Own(client);
                if (s_seen.Count >= Capacity && !s_seen.ContainsKey(config.Id))
                {
                    DropOldestHalf();
                }
                s_seen[config.Id] = new Seen(config.Id, config.Name, config.Toolkit, DateTime.UtcNow);
            }
        }

        public static void Forget(ComposioClient client, string id)
        {
            lock (s_gate)
            {
                if (ReferenceEquals(s_owner, client))
                {
                    s_seen.Remove(id);
                }
            }
        }

        /// <summary>The fresh entries for this client, newest first; empty when there are none.</summary>
        public static IReadOnlyList<Seen> Snapshot(ComposioClient client)
        {
            lock (s_gate)
            {
                if (!ReferenceEquals(s_owner, client))
                {
                    return Array.Empty<Seen>();
                }
                var cutoff = DateTime.UtcNow - MaxAge;
                return s_seen.Values.Where(s => s.At > cutoff).OrderByDescending(s => s.At).ToList();
            }
        }

        private static void Own(ComposioClient client)
        {
            if (!ReferenceEquals(s_owner, client))
            {
                s_seen.Clear();
                s_owner = client;
            }
        }

        private static void DropOldestHalf()
        {
            foreach (var old in s_seen.Values.OrderBy(s => s.At).Take(s_seen.Count / 2).Select(s => s.Id).ToList())
            {
                s_seen.Remove(old);
            }
        }

        internal sealed class Seen
        {
            public Seen(string id, string? name, string toolkit, DateTime at)
            {
                Id = id;
                Name = name;
                Toolkit = toolkit;
                At = at;
            }

            public string Id { get; }
            public string? Name { get; }
            public string Toolkit { get; }
            public DateTime At { get; }
        }
    }
}
