using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Lets a toolkit parameter take the objects the module emits: a Toolkit as its slug, an
    /// AuthConfig as its toolkit's slug. A transformation sees a piped object before PowerShell
    /// would turn it into text (an AuthConfig's text is its id), so the slug binds by value in
    /// the first binding pass, whatever else of the object binds by property name.
    /// </summary>
    public sealed class ToolkitSlugTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (SlugOf(inputData) is string slug)
            {
                return slug;
            }
            if (inputData is IEnumerable items && !(inputData is string))
            {
                var slugs = new List<object?>();
                var changed = false;
                foreach (var item in items)
                {
                    var itemSlug = SlugOf(item);
                    changed |= itemSlug != null;
                    slugs.Add(itemSlug ?? item);
                }
                return changed ? slugs.ToArray() : inputData;
            }
            return inputData;
        }

        private static string? SlugOf(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
        {
            Toolkit toolkit => toolkit.Slug,
            AuthConfig config => config.Toolkit,
            _ => null,
        };
    }
}
