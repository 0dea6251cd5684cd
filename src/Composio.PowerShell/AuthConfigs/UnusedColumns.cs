using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// The columns of piped rows (Import-Csv of an exported listing) that New-ComposioAuthConfig
    /// does not use: each is named once per command, so nothing in a CSV is dropped silently.
    /// Columns that describe a config rather than set it (its id, dates, counts) are not warned.
    /// </summary>
    internal sealed class UnusedColumns
    {
        private static readonly HashSet<string> s_describing = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Id", "IsComposioManaged", "Status", "IsEnabled", "CreatedAt", "LastUpdatedAt", "CreatedBy", "ConnectionCount",
            "ExpectedInputFields", "ToolkitLogo", "Uuid", "RevokeJobId", "Connection",
        };

        private readonly HashSet<string> _named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Columns with a value that no parameter, alias or credential field takes, not named before.</summary>
        public IReadOnlyList<string> Next(PSObject row, ICollection<string> taken)
        {
            var unused = new List<string>();
            foreach (var column in row.Properties)
            {
                var value = column.Value is PSObject w ? w.BaseObject : column.Value;
                if (value == null || (value is string text && text.Trim().Length == 0)
                    || s_describing.Contains(column.Name) || taken.Contains(column.Name) || !_named.Add(column.Name))
                {
                    continue;
                }
                unused.Add(column.Name);
            }
            return unused;
        }
    }
}
