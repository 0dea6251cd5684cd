using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// An empty cell of a CSV row (or an empty string anywhere) means "not given": it becomes null,
    /// and empty items of a list are dropped, so `Import-Csv | New-ComposioAuthConfig` can leave
    /// columns blank where a row does not need them.
    /// </summary>
    public sealed class EmptyAsAbsentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                return string.IsNullOrWhiteSpace(text) ? null : inputData;
            }
            if (value is IEnumerable items && !(value is IDictionary))
            {
                var kept = new List<object?>();
                foreach (var item in items)
                {
                    var inner = item is PSObject w ? w.BaseObject : item;
                    if (!(inner is string s && string.IsNullOrWhiteSpace(s)) && inner != null)
                    {
                        kept.Add(item);
                    }
                }
                return kept.Count == 0 ? null : kept.ToArray();
            }
            return inputData;
        }
    }
}
