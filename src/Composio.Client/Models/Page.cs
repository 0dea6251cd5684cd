using System.Collections.Generic;

namespace Composio.Client
{
    /// <summary>One page of a listing. <see cref="NextCursor"/> is null on the last page.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextCursor, int? totalItems, int? totalPages)
        {
            Items = items;
            NextCursor = nextCursor;
            TotalItems = totalItems;
            TotalPages = totalPages;
        }

        public IReadOnlyList<T> Items { get; }
        public string? NextCursor { get; }
        public int? TotalItems { get; }
        public int? TotalPages { get; }

        /// <summary>Values this page held that could not be read and were left empty on their objects (e.g. `no_of_connections ("many" is not a whole number)`).</summary>
        public IReadOnlyList<string> Unreadable { get; internal set; } = System.Array.Empty<string>();
    }
}
