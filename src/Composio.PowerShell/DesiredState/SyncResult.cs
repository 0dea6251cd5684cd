using System;

namespace Composio
{
    /// <summary>What Sync-ComposioAuthConfig did (or, with -WhatIf, would do) for one auth config.</summary>
    public enum SyncAction
    {
        Create,
        Update,
        Enable,
        Disable,
        Unchanged,
        Remove,
        /// <summary>In a toolkit the file manages, but not declared (and not pruned): left alone, and listed so a rename does not hide it.</summary>
        Unmanaged,
        /// <summary>Several server configs share the entry's identity: none of them was touched.</summary>
        Conflict,
        Failed,
    }

    /// <summary>One line of a sync: the config's identity, the action, and which fields it changes (names only, never values).</summary>
    public sealed class SyncResult
    {
        public string Toolkit { get; set; } = string.Empty;
        public string? Name { get; set; }
        public SyncAction Action { get; set; }
        /// <summary>The auth config's id, when there is (or now is) exactly one.</summary>
        public string? Id { get; set; }
        /// <summary>Field names, e.g. `Credentials.client_id`, `Scopes`, `Enabled`.</summary>
        public string[] Changes { get; set; } = Array.Empty<string>();
        /// <summary>Why the entry failed or conflicts; null otherwise.</summary>
        public string? Error { get; set; }

        public override string ToString() => $"{Action} {Toolkit}/{Name}";
    }
}
