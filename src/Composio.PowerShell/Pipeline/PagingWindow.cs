using System.Management.Automation;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Applies -Skip and -First (SupportsPaging) to objects as they stream by, and says when no
    /// more are wanted, so the cmdlet can stop before fetching a page nobody will see.
    /// </summary>
    internal sealed class PagingWindow
    {
        private readonly ulong _skip;
        private readonly ulong _first;
        private ulong _seen;
        private ulong _written;

        public PagingWindow(PagingParameters paging)
        {
            _skip = paging.Skip;
            _first = paging.First;
        }

        /// <summary>True once -First objects were written: stop fetching.</summary>
        public bool IsFull => _written >= _first;

        /// <summary>How many objects the caller still has to look at (skipped ones included); null for all.</summary>
        public ulong? Remaining => _first == ulong.MaxValue ? (ulong?)null : _skip + _first - _seen;

        public ulong Written => _written;

        /// <summary>Counts one object; true when it is inside the window and should be written.</summary>
        public bool Admit()
        {
            if (IsFull)
            {
                return false;
            }
            _seen++;
            if (_seen <= _skip)
            {
                return false;
            }
            _written++;
            return true;
        }
    }
}
