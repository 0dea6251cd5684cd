using System;
using System.Management.Automation;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Write-Progress for a bulk change: finished (and failed) items, items in flight, and the
    /// total once it is known (an array given to a parameter, or the pipeline's end). Shown only
    /// once a run has lasted a while, so a short run never flashes a bar; updates are spaced out.
    /// </summary>
    internal sealed class BulkProgress
    {
        private static readonly TimeSpan s_showAfter = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan s_every = TimeSpan.FromMilliseconds(200);
        private readonly Action<ProgressRecord> _write;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly TimeProvider _time;
        private readonly long _start;
        private TimeSpan? _lastWritten;
        private bool _shown;

        /// <param name="time">The clock; null is the system's (tests give a fake one).</param>
        public BulkProgress(Action<ProgressRecord> write, int activityId, string activity, TimeProvider? time = null)
        {
            _time = time ?? TimeProvider.System;
            _start = _time.GetTimestamp();
            _write = write;
            _activityId = activityId;
            _activity = activity;
        }

        private TimeSpan Elapsed => _time.GetElapsedTime(_start);

        public long Finished { get; private set; }

        public long Failed { get; private set; }

        /// <summary>Null until the number of items is known.</summary>
        public long? Total { get; set; }

        public void Finish(bool failed)
        {
            Finished++;
            if (failed)
            {
                Failed++;
            }
        }

        /// <summary>Writes the counts when the run has lasted long enough and the last update is not too recent.</summary>
        public void Update(int inFlight)
        {
            var now = Elapsed;
            if (now < s_showAfter || (_lastWritten is TimeSpan last && now - last < s_every))
            {
                return;
            }
            Write(inFlight, now);
        }

        private void Write(int inFlight, TimeSpan now)
        {
            _lastWritten = now;
            _shown = true;
            var failed = Failed == 0 ? string.Empty : $" ({Failed} failed)";
            // A new record each time: a host may keep the ones it was given.
            var record = Total is long total
                ? new ProgressRecord(_activityId, _activity, $"{Finished} of {total} done{failed}, {inFlight} in flight")
                {
                    PercentComplete = total == 0 ? 100 : (int)Math.Min(100, Finished * 100 / total),
                }
                : new ProgressRecord(_activityId, _activity, $"{Finished} done{failed}, {inFlight} in flight, more to come");
            _write(record);
        }

        public void Complete()
        {
            if (!_shown)
            {
                return;
            }
            Write(0, Elapsed); // the final counts, whatever the spacing
            _write(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            _shown = false;
        }
    }
}
