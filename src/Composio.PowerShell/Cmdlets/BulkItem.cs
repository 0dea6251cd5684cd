using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// One item of a bulk cmdlet: what its errors carry as TargetObject (the config id, the CSV
    /// row), how messages name it, and the connection the piped object came from, if any.
    /// </summary>
    internal sealed class BulkItem
    {
        public BulkItem(object target, string label, ComposioConnection? own = null)
        {
            Target = target;
            Label = label;
            Own = own;
        }

        public object Target { get; }

        /// <summary>"auth config ac_1", "'GitHub' (toolkit github)": said at the start of every message about the item.</summary>
        public string Label { get; }

        public ComposioConnection? Own { get; }

        public override string ToString() => Label;
    }
}
