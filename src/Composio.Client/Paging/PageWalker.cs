using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;

namespace Composio.Client.Paging
{
    /// <summary>
    /// Walks a cursor-paged listing one page at a time, so the caller can hand out each page's
    /// items before the next is fetched. It is the one place every listing pages, and it guards
    /// against servers that would keep a caller looping: a cursor handed out twice, or pages
    /// beyond the `total_pages` the first page announced, end the walk with an error.
    /// </summary>
    public sealed class PageWalker<T>
    {
        private readonly Func<string?, int, CancellationToken, Task<Page<T>>> _fetch;
        private readonly HashSet<string> _cursors = new HashSet<string>(StringComparer.Ordinal);
        private readonly string _what;
        private string? _cursor;

        /// <param name="fetch">Gets the page after a cursor (null: the first) of the given size.</param>
        /// <param name="pageSize">Items asked for per page; the same for the whole walk, since cursors may depend on it.</param>
        /// <param name="what">What is listed, for error messages ("auth configs").</param>
        public PageWalker(Func<string?, int, CancellationToken, Task<Page<T>>> fetch, int pageSize, string what)
        {
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            PageSize = pageSize;
            _what = what;
        }

        public int PageSize { get; }

        /// <summary>Pages received so far.</summary>
        public int PagesRead { get; private set; }

        /// <summary>Items received so far, whether or not the caller used them.</summary>
        public long ItemsRead { get; private set; }

        /// <summary>`total_items` as the first page announced it, when it did.</summary>
        public int? TotalItems { get; private set; }

        /// <summary>`total_pages` as the first page announced it, when it did.</summary>
        public int? TotalPages { get; private set; }

        /// <summary>True once the last page has been received.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>
        /// After a complete walk: the server announced a number of items and handed out another.
        /// The real API has been seen to clamp pages and silently drop items; callers warn.
        /// </summary>
        public bool CountDiffers => IsComplete && TotalItems is int total && total != ItemsRead;

        /// <summary>Values the pages so far held that could not be read and were left empty; callers warn once per listing.</summary>
        public IReadOnlyList<string> Unreadable => _unreadable;

        private readonly List<string> _unreadable = new List<string>();

        /// <summary>The next page, or null when the walk is complete.</summary>
        public async Task<Page<T>?> NextAsync(CancellationToken cancellationToken = default)
        {
            if (IsComplete)
            {
                return null;
            }
            if (TotalPages is int pages && pages > 0 && PagesRead >= pages)
            {
                throw Stuck("ComposioPagingOverrun",
                    $"The server announced {pages} page(s) of {_what} but still offers another after {PagesRead}; the listing was stopped.");
            }
            var page = await _fetch(_cursor, PageSize, cancellationToken).ConfigureAwait(false);
            PagesRead++;
            ItemsRead += page.Items.Count;
            _unreadable.AddRange(page.Unreadable);
            if (PagesRead == 1)
            {
                TotalItems = page.TotalItems;
                TotalPages = page.TotalPages;
            }
            var next = string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor;
            if (next == null)
            {
                IsComplete = true;
            }
            else if (!_cursors.Add(next))
            {
                throw Stuck("ComposioPagingCursorRepeated",
                    $"The server handed out the same cursor twice while listing {_what} (after page {PagesRead}); the listing was stopped.");
            }
            _cursor = next;
            return page;
        }

        /// <summary>Every remaining item, for small listings (categories, toolkit slugs).</summary>
        public async Task<IReadOnlyList<T>> ReadAllAsync(CancellationToken cancellationToken = default)
        {
            var all = new List<T>();
            for (var page = await NextAsync(cancellationToken).ConfigureAwait(false); page != null; page = await NextAsync(cancellationToken).ConfigureAwait(false))
            {
                all.AddRange(page.Items);
            }
            return all;
        }

        private static ComposioException Stuck(string id, string message) =>
            new ComposioException(id, ComposioErrorKind.InvalidResponse, message);
    }
}
