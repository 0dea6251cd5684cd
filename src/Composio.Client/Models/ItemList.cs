using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Composio
{
    /// <summary>
    /// A read-only list that reads as its items joined with "; ", so reports (Export-Csv, string
    /// interpolation) show `a; b` instead of a type name. Serializes as an array.
    /// </summary>
    public sealed class ItemList<T> : ReadOnlyCollection<T>
    {
        public static readonly ItemList<T> Empty = new ItemList<T>(new List<T>());

        public ItemList(IList<T> items)
            : base(items)
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
