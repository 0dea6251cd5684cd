using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.PowerShell.Connection;

namespace Composio
{
    /// <summary>
    /// The one line a bulk cmdlet or Sync ends with, on the Information stream (tag
    /// "Composio.Summary"): how many items were created, changed, removed, unchanged, skipped or
    /// failed, and in which project. A script reads it with -InformationVariable; a log shows it
    /// with -InformationAction Continue.
    /// </summary>
    public sealed class RunSummary
    {
        public const string Tag = "Composio.Summary";

        private readonly List<string> _projects = new List<string>();

        public string Command { get; internal set; } = string.Empty;
        public int Created { get; internal set; }
        public int Changed { get; internal set; }
        public int Removed { get; internal set; }
        public int Unchanged { get; internal set; }
        public int Skipped { get; internal set; }
        public int Failed { get; internal set; }
        /// <summary>Sync only: configs of the file's toolkits that the file does not declare.</summary>
        public int Unmanaged { get; internal set; }
        /// <summary>The projects acted in, as key hint and host (never the key).</summary>
        public string[] Project => _projects.ToArray();

        internal void In(ComposioConnection connection)
        {
            var project = connection.ToString();
            if (!_projects.Contains(project))
            {
                _projects.Add(project);
            }
        }

        public override string ToString()
        {
            var counts = new[]
            {
                (Created, "created"), (Changed, "changed"), (Removed, "removed"), (Unchanged, "unchanged"),
                (Unmanaged, "unmanaged"), (Skipped, "skipped"), (Failed, "failed"),
            };
            // created/changed/unchanged/skipped/failed always, the others when they happened: a log line of one shape.
            var shown = counts.Where(c => c.Item1 > 0 || c.Item2 == "created" || c.Item2 == "changed" || c.Item2 == "unchanged" || c.Item2 == "skipped" || c.Item2 == "failed");
            var where = _projects.Count == 0 ? "no project reached" : (_projects.Count == 1 ? "project " : "projects ") + string.Join(", ", _projects);
            return $"{Command}: {string.Join(", ", shown.Select(c => $"{c.Item1} {c.Item2}"))}; {where}.";
        }

        /// <summary>Writes the summary as the command's last Information record.</summary>
        internal void Write(Cmdlet cmdlet) =>
            cmdlet.WriteInformation(new InformationRecord(this, Command) { Tags = { Tag } });
    }
}
