using System.Collections.Generic;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// The one wording of a ShouldProcess target, for New, Set, Enable, Disable, Remove and Sync:
    /// the config (name, id when known, toolkit) and the project (key hint and host), e.g.
    /// <c>'prod-github' (ac_1, github) in project ak_…x7Q at https://backend.composio.dev</c>.
    /// A confirmation or a -WhatIf line then says what and where without a second look.
    /// </summary>
    internal static class ChangeTarget
    {
        public static string Of(string? name, string? id, string? toolkit, ComposioConnection connection)
        {
            var facts = new List<string>(2);
            if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(name))
            {
                facts.Add(id!);
            }
            if (!string.IsNullOrEmpty(toolkit))
            {
                facts.Add(toolkit!);
            }
            var head = !string.IsNullOrEmpty(name) ? $"'{name}'" : !string.IsNullOrEmpty(id) ? id! : "unnamed";
            var config = facts.Count == 0 ? head : $"{head} ({string.Join(", ", facts)})";
            return $"{config} in project {connection}";
        }

        /// <summary>An id, with the name and toolkit the connection has seen for it, when it has.</summary>
        public static string OfId(string id, ComposioConnection connection) =>
            connection.Seen.TryGet(id, out var seen) ? Of(seen.Name, id, seen.Toolkit, connection) : Of(null, id, null, connection);
    }
}
