using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// Which connection a cmdlet uses when none is passed: one per runspace. This is the module's
    /// only static state, and it holds no project data, just which connection each runspace has.
    /// A runspace that never chose one (a ForEach-Object -Parallel or Start-ThreadJob worker)
    /// starts from the default of the runspace that imported the module first, the main script's,
    /// as it is when the worker first needs it; Connect- or Disconnect-Composio in a worker then
    /// changes that worker's default only.
    /// </summary>
    internal static class DefaultConnection
    {
        private static readonly ConditionalWeakTable<Runspace, Slot> s_slots = new ConditionalWeakTable<Runspace, Slot>();
        private static readonly object s_gate = new object();
        private static WeakReference<Runspace>? s_primary;

        /// <summary>Called on every import: the first importing runspace is the one workers inherit from.</summary>
        public static void NoteImport()
        {
            var current = Runspace.DefaultRunspace;
            lock (s_gate)
            {
                if (current != null && (s_primary == null || !s_primary.TryGetTarget(out _)))
                {
                    s_primary = new WeakReference<Runspace>(current);
                }
            }
        }

        /// <summary>This runspace's default, inheriting the main runspace's on first use; null when there is none.</summary>
        public static ComposioConnection? Get()
        {
            var current = Runspace.DefaultRunspace;
            if (current == null)
            {
                return null;
            }
            lock (s_gate)
            {
                if (s_slots.TryGetValue(current, out var slot))
                {
                    return slot.Connection;
                }
                if (s_primary != null && s_primary.TryGetTarget(out var primary) && !ReferenceEquals(primary, current)
                    && s_slots.TryGetValue(primary, out var inherited) && inherited.Connection != null)
                {
                    s_slots.Add(current, new Slot(inherited.Connection));
                    return inherited.Connection;
                }
                return null;
            }
        }

        /// <summary>Makes <paramref name="connection"/> this runspace's default (null: none, and inherit nothing).</summary>
        public static void Set(ComposioConnection? connection)
        {
            var current = Runspace.DefaultRunspace;
            if (current == null)
            {
                return;
            }
            lock (s_gate)
            {
                s_slots.Remove(current);
                s_slots.Add(current, new Slot(connection));
            }
        }

        private sealed class Slot
        {
            public Slot(ComposioConnection? connection) => Connection = connection;

            public ComposioConnection? Connection { get; }
        }
    }
}
