using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Two syncs of one file at once (two CI jobs) may both find an entry missing and both create
    /// it: the API has no lock. So after each create a sync lists the identity again, and when
    /// several configs have it, the oldest (by creation time, then id) is the one that stays. Every
    /// run sees the same order, so exactly one config remains: each run removes only the config it
    /// created itself, and only when that is not the oldest. A config created before either run is
    /// older than both, so neither run's copy survives beside it.
    /// </summary>
    internal static class CreateRace
    {
        /// <summary>The id that stays among the configs with one identity (ours included when the listing shows it).</summary>
        public static string Keeper(IEnumerable<AuthConfig> sameIdentity, string ours) =>
            sameIdentity
                .OrderBy(c => c.CreatedAt ?? DateTime.MaxValue)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => c.Id)
                .FirstOrDefault() ?? ours;
    }
}
