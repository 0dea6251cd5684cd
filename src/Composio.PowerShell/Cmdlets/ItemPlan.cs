using System;
using System.Threading;
using System.Threading.Tasks;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What a bulk cmdlet decided for one item on the pipeline thread: the ShouldProcess action
    /// text (field names, never values), the requests to run as a work item, and what to write
    /// with their result, back on the pipeline thread.
    /// </summary>
    internal sealed class ItemPlan<T>
    {
        public ItemPlan(string action, Func<CancellationToken, Task<T>> work, Action<T> done)
        {
            Action = action;
            Work = work;
            Done = done;
        }

        public string Action { get; }
        public Func<CancellationToken, Task<T>> Work { get; }
        public Action<T> Done { get; }

        /// <summary>The ShouldProcess target, when it says more than the item's label (a name beside the id).</summary>
        public string? Target { get; set; }

        /// <summary>A deletion: asked like Remove-ComposioAuthConfig (ConfirmImpact High, -Force).</summary>
        public bool Deletes { get; set; }
    }
}
