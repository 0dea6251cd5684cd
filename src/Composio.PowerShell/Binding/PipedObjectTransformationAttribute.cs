using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Lets a text parameter take the module's own objects: each object (alone or in a list) that
    /// <see cref="TextOf"/> knows becomes that text, and everything else is left as given. A
    /// transformation sees a piped object before PowerShell would turn it into text (an
    /// AuthConfig's text is its id), so the value binds in the first binding pass.
    /// </summary>
    public abstract class PipedObjectTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The text for <paramref name="value"/> (unwrapped), or null when it is not one of ours.</summary>
        /// <param name="original">The item as PowerShell passed it, wrapper and all (its note properties).</param>
        private protected abstract string? TextOf(object value, object original);

        public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (Map(inputData) is string text)
            {
                return text;
            }
            var value = Unwrap(inputData);
            if (value is IEnumerable items && !(value is string))
            {
                var mapped = new List<object?>();
                var changed = false;
                foreach (var item in items)
                {
                    var itemText = Map(item);
                    changed |= itemText != null;
                    mapped.Add(itemText ?? item);
                }
                return changed ? mapped.ToArray() : inputData;
            }
            return inputData;
        }

        private string? Map(object? item) => Unwrap(item) is object value ? TextOf(value, item!) : null;

        private static object? Unwrap(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;
    }
}
