using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// A list parameter that also takes a CSV cell: `a; b` (how the module's objects write lists
    /// for Export-Csv) and `a,b` are lists. Items are trimmed and blank ones dropped; no item left
    /// means "not given", so a blank cell leaves the field alone.
    /// </summary>
    public sealed class ListCellAttribute : ArgumentTransformationAttribute
    {
        private static readonly char[] s_separators = { ';', ',' };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            IEnumerable items = value is string || !(value is IEnumerable list) || value is IDictionary ? new[] { value } : list;
            var kept = new List<object>();
            foreach (var item in items)
            {
                var inner = item is PSObject w ? w.BaseObject : item;
                if (inner is string text)
                {
                    kept.AddRange(text.Split(s_separators).Select(p => p.Trim()).Where(p => p.Length > 0));
                }
                else if (inner != null)
                {
                    // Not text (a script block, a number): left for binding to convert or refuse.
                    kept.Add(item!);
                }
            }
            return kept.Count == 0 ? null : kept.ToArray();
        }
    }
}
