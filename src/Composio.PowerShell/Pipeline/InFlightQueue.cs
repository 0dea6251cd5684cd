using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Runs pipeline items' requests with up to a limit in flight, and finishes them (writes their
    /// output or error) on the pipeline thread in input order. Work items run elsewhere and never
    /// call Write*: their Verbose/Debug lines come back through <see cref="LogRelay"/> and are
    /// written here as they arrive. With a limit of 1 each item is finished before the next is
    /// read, as a plain sequential cmdlet does.
    /// </summary>
    internal sealed class InFlightQueue
    {
        /// <summary>Finished items waiting behind a slow one are bounded too, so memory stays flat.</summary>
        private const int WindowPerSlot = 4;

        private readonly int _limit;
        private readonly int _window;
        private readonly Sink _sink;
        private readonly RelayLevel _relay;
        private readonly CancellationToken _stop;
        // Cancelled by a stop, or when an item's failure ends the pipeline: the items behind it end too.
        private readonly CancellationTokenSource _abandon;
        private readonly Queue<Entry> _entries = new Queue<Entry>();
        // Items a stop (Ctrl+C) cut off after they were sent: never written, so named afterwards.
        private readonly List<Entry> _cutOff = new List<Entry>();
        // Log lines from work items and "an item ended" wake-ups, read only on the pipeline thread.
        // Not disposed: a late line from a work item ended by a stop must not throw on its thread.
        // An item's end is a line without text.
        private readonly BlockingCollection<LogRelay.Line> _signals = new BlockingCollection<LogRelay.Line>();

        /// <param name="relay">Which of the work items' log lines reach <paramref name="sink"/>.</param>
        public InFlightQueue(int limit, RelayLevel relay, Sink sink, CancellationToken stop)
        {
            _limit = Math.Max(1, limit);
            _window = _limit * WindowPerSlot;
            _relay = relay;
            _sink = sink;
            _stop = stop;
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(stop);
        }

        /// <summary>Items whose work has not ended yet.</summary>
        public int Running => _entries.Count(e => !e.Work.IsCompleted);

        /// <summary>
        /// Starts one item's work once a slot is free (finishing earlier items meanwhile);
        /// <paramref name="finish"/> runs on the pipeline thread, in input order, with the ended task.
        /// </summary>
        /// <param name="describe">How a stopped item is named from its task (its id when it ended with one); null: by <paramref name="target"/>.</param>
        public void Add(string target, Func<CancellationToken, Task> work, Action<Task> finish, Func<Task, string?>? describe = null)
        {
            Pump(block: false);
            while (Running >= _limit || _entries.Count >= _window)
            {
                Pump(block: true);
            }
            Task task;
            using (LogRelay.Use(_signals, _relay))
            {
                try
                {
                    task = work(_abandon.Token);
                }
                catch (Exception ex)
                {
                    task = Task.FromException(ex);
                }
            }
            _entries.Enqueue(new Entry(target, task, finish, describe));
            task.ContinueWith(_ => _signals.Add(default), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (_limit == 1)
            {
                Drain();
            }
            else
            {
                Pump(block: false);
            }
        }

        /// <summary>Finishes every item in flight (EndProcessing, or before an item's connection has to be found).</summary>
        public void Drain()
        {
            while (_entries.Count > 0)
            {
                Pump(block: true);
            }
            Pump(block: false);
        }

        /// <summary>Writes what came in, finishes the items at the head that have ended; when blocking, waits for one signal first.</summary>
        private void Pump(bool block)
        {
            if (block && !FinishReady())
            {
                LogRelay.Line first;
                try
                {
                    first = _signals.Take(_stop);
                }
                catch (OperationCanceledException)
                {
                    Abandon(stopped: true);
                    throw new PipelineStoppedException();
                }
                Handle(first);
            }
            while (_signals.TryTake(out var next))
            {
                Handle(next);
            }
            FinishReady();
        }

        private void Handle(LogRelay.Line signal)
        {
            if (signal.Text != null)
            {
                _sink.Log(signal);
            }
            // Else an item ended: FinishReady looks at the head.
        }

        /// <summary>Finishes ended items at the head, in order; true when at least one was finished.</summary>
        private bool FinishReady()
        {
            var any = false;
            while (_entries.Count > 0 && _entries.Peek().Work.IsCompleted)
            {
                var entry = _entries.Dequeue();
                any = true;
                try
                {
                    entry.Finish(entry.Work);
                }
                catch (Exception ex)
                {
                    // A stop, or a failure that ends the pipeline: nothing behind this item is finished.
                    // PowerShell marks the pipeline stopping before it calls StopProcessing (which trips
                    // _stop), so a stop may first show here, as the PipelineStoppedException of a write.
                    // (Select-Object -First throws one too: kept all the same, but TakeCutOff is asked
                    // only after a real stop.)
                    var stopped = ex is PipelineStoppedException || _stop.IsCancellationRequested;
                    if (stopped)
                    {
                        _cutOff.Add(entry); // Its output could not be written.
                    }
                    Abandon(stopped);
                    throw;
                }
            }
            return any;
        }

        /// <summary>
        /// Before a failure that ends the pipeline is written (after which nothing can be): stops
        /// the items behind it and names them in a warning, as they were already sent.
        /// </summary>
        public void StopBehind(string target)
        {
            var behind = Abandon(_stop.IsCancellationRequested);
            if (behind.Count > 0)
            {
                _sink.Warning($"The pipeline stopped at {target}; {behind.Count} later item(s) had already been sent and may have taken effect: {string.Join(", ", behind)}.");
            }
        }

        /// <summary>
        /// Stops the work still in flight and gives it a moment to end, so no request outlives the
        /// command; when <paramref name="stopped"/> (by Ctrl+C), it is kept to be named as cut off.
        /// </summary>
        private List<string> Abandon(bool stopped)
        {
            var behind = _entries.Select(e => e.Target).ToList();
            if (stopped)
            {
                _cutOff.AddRange(_entries);
            }
            _abandon.Cancel();
            var running = _entries.Select(e => e.Work).Where(t => !t.IsCompleted).ToArray();
            _entries.Clear();
            try
            {
                Task.WaitAll(running, TimeSpan.FromMilliseconds(200));
            }
            catch (AggregateException)
            {
                // They were cancelled or failed: either way they are over.
            }
            return behind;
        }

        /// <summary>
        /// After a stop (called only then): the items that were sent but whose outcome was never
        /// written, each named by its id when its work ended with one, else by its target. Empty
        /// when nothing was cut off.
        /// </summary>
        public List<string> TakeCutOff()
        {
            if (_entries.Count > 0)
            {
                Abandon(stopped: true); // Stopped while the pipeline thread was elsewhere (upstream): the queue still holds them.
            }
            var named = _cutOff.Select(e => e.Name()).ToList();
            _cutOff.Clear();
            return named;
        }

        /// <summary>Where the pipeline thread writes: the cmdlet's streams.</summary>
        internal sealed class Sink
        {
            public Sink(Action<LogRelay.Line> log, Action<string> warning)
            {
                Log = log;
                Warning = warning;
            }

            /// <summary>A work item's Verbose or Debug line.</summary>
            public Action<LogRelay.Line> Log { get; }
            public Action<string> Warning { get; }
        }

        private sealed class Entry
        {
            private readonly Func<Task, string?>? _describe;

            public Entry(string target, Task work, Action<Task> finish, Func<Task, string?>? describe)
            {
                Target = target;
                Work = work;
                Finish = finish;
                _describe = describe;
            }

            public string Name() => (Work.Status == TaskStatus.RanToCompletion ? _describe?.Invoke(Work) : null) ?? Target;

            public string Target { get; }
            public Task Work { get; }
            public Action<Task> Finish { get; }
        }
    }
}
