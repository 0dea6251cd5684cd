using System;
using Composio.Client;
using Composio.Client.Paging;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What one listing of a Get cmdlet varies in; the loop itself, the same for every listing, is
    /// <see cref="ComposioCmdlet.Stream{T}"/>.
    /// </summary>
    internal sealed class Listing<T>
    {
        /// <param name="noun">What is listed, singular ("auth config"): progress, warnings and the Verbose summary name it.</param>
        public Listing(PageWalker<T> walker, string noun, int progressActivityId)
        {
            Walker = walker;
            Noun = noun;
            ProgressActivityId = progressActivityId;
        }

        public PageWalker<T> Walker { get; }
        public string Noun { get; }
        public int ProgressActivityId { get; }

        /// <summary>The TargetObject of the error that ends the listing.</summary>
        public object? ErrorTarget { get; set; }

        /// <summary>Whether enough is written (-First): no further item is looked at, and no further page read.</summary>
        public Func<bool> Enough { get; set; } = () => false;

        /// <summary>Whether an item is written (a client-side filter, -Skip); true for all by default.</summary>
        public Func<T, bool> Admit { get; set; } = _ => true;

        /// <summary>How many items are wanted at most (-First), for the progress bar; null: all.</summary>
        public ulong? Remaining { get; set; }

        /// <summary>Runs with the first page, before its items are written (-IncludeTotalCount).</summary>
        public Action<Page<T>>? FirstPage { get; set; }

        /// <summary>Added to the warning about a count that differs from the server's.</summary>
        public string IncompleteAdvice { get; set; } = string.Empty;
    }
}
