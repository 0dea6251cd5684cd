using System;
using System.Management.Automation;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Write-Progress for a paged listing: shown only when the listing spans several pages (short
    /// ones end before a bar could help), counted against what will actually be read (the
    /// server's total, cut down by -Skip/-First), and completed at the end.
    /// </summary>
    internal sealed class ListingProgress
    {
        /// <summary>Fewer pages than this finish too fast for a progress bar to help.</summary>
        private const int MinPages = 3;
        private readonly Action<ProgressRecord> _write;
        private readonly string _noun;
        private ProgressRecord? _record;
        private long _expected;

        public ListingProgress(Action<ProgressRecord> write, int activityId, string activity, string noun)
        {
            _write = write;
            _noun = noun;
            _record = new ProgressRecord(activityId, activity, "Starting");
        }

        /// <summary>Decides from the first page whether to show progress at all.</summary>
        public void Start(int? totalItems, int pageSize, ulong? remaining)
        {
            if (totalItems is not int total)
            {
                _record = null;
                return;
            }
            _expected = remaining is ulong r && r < (ulong)total ? (long)r : total;
            var pages = (_expected + pageSize - 1) / pageSize;
            if (pages < MinPages)
            {
                _record = null;
            }
        }

        public void Update(long read, int page)
        {
            if (_record == null)
            {
                return;
            }
            var shown = Math.Min(read, _expected);
            _record.StatusDescription = $"{shown} of {_expected} {_noun} (page {page})";
            _record.PercentComplete = _expected == 0 ? 100 : (int)Math.Min(100, shown * 100 / _expected);
            _write(_record);
        }

        public void Complete()
        {
            if (_record == null)
            {
                return;
            }
            _record.RecordType = ProgressRecordType.Completed;
            _write(_record);
            _record = null;
        }
    }
}
