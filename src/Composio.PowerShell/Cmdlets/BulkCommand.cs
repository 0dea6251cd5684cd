using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Pipeline;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What the cmdlets that change auth configs item by item share: -ThrottleLimit, and each
    /// item split in three. The cmdlet decides on the pipeline thread (validation, ShouldProcess),
    /// <see cref="Dispatch{T}"/> runs the item's requests as a work item (up to -ThrottleLimit at
    /// once), and its result is written back on the pipeline thread in input order, with errors
    /// through the one failure policy. EndProcessing drains what is still in flight.
    /// </summary>
    public abstract class BulkCommand : ComposioCmdlet
    {
        private const int ProgressActivityId = 4103;
        private InFlightQueue? _queue;
        private BulkProgress? _progress;
        private long _dispatched;

        /// <summary>
        /// How many items' requests may be in flight at once (1 to 32; default 1, one after the
        /// other). One limit for the whole command, whatever connections the items belong to.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = 1;

        private InFlightQueue Queue => _queue ??= new InFlightQueue(
            ThrottleLimit,
            Streams.Enabled(this, "Debug", "DebugPreference") ? true : Streams.Enabled(this, "Verbose", "VerbosePreference") ? false : (bool?)null,
            // Say and Warn, not WriteVerbose and WriteWarning: under -Debug those would prompt.
            new InFlightQueue.Sink(Say, text => Streams.Debug(this, text), Warn),
            CancellationToken);

        private BulkProgress Progress => _progress ??= new BulkProgress(WriteProgress, ProgressActivityId, MyInvocation.MyCommand.Name);

        /// <summary>The items of one array parameter; when it came from the command line, not the pipeline, their number is the total.</summary>
        private protected IEnumerable<T> Items<T>(T[] items)
        {
            if (!MyInvocation.ExpectingInput)
            {
                Progress.Total = items.Length;
            }
            return items;
        }

        /// <summary>ShouldProcess for one item; a declined item no longer counts towards the total.</summary>
        private protected bool ShouldProcessItem(string target, string action)
        {
            if (ShouldProcess(target, action))
            {
                return true;
            }
            if (Progress.Total is long total)
            {
                Progress.Total = total - 1;
            }
            return false;
        }

        /// <summary>
        /// The connection of an item without one of its own. When it has to be found or made while
        /// items are in flight, those are finished first, so a NotConnected error comes after them.
        /// </summary>
        private protected ComposioConnection ItemConnection(ComposioConnection? own = null)
        {
            var connection = Connection ?? own ?? DefaultConnection.Get();
            if (connection != null)
            {
                return connection;
            }
            _queue?.Drain();
            return CurrentConnection;
        }

        /// <summary>
        /// Runs <paramref name="work"/> (requests only: no Write*, no cmdlet state) once a slot is
        /// free; then, on the pipeline thread and in input order, <paramref name="done"/> with its
        /// result, or the item's error for <paramref name="target"/>.
        /// </summary>
        private protected void Dispatch<T>(object target, Func<CancellationToken, Task<T>> work, Action<T> done)
        {
            _dispatched++;
            Queue.Add(target.ToString() ?? string.Empty, work, ended =>
            {
                T result;
                try
                {
                    result = ((Task<T>)ended).GetAwaiter().GetResult();
                }
                catch (ComposioException ex)
                {
                    Progress.Finish(failed: true);
                    Progress.Update(Queue.Running);
                    if (FailurePolicy.StopsPipeline(ex))
                    {
                        Queue.StopBehind(target.ToString() ?? string.Empty);
                    }
                    WriteComposioError(ex, target);
                    return;
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                Progress.Finish(failed: false);
                Progress.Update(Queue.Running);
                done(result);
            }, ended => $"{target} ({IdOf(((Task<T>)ended).Result!) ?? "done"})");
        }

        /// <summary>The id of an item's result (for the names of items a stop cut off), or null.</summary>
        private protected virtual string? IdOf(object result) => (result as AuthConfig)?.Id;

        /// <summary>
        /// Ctrl+C may cut off items already sent, whose output can no longer be written: they are
        /// named in a warning through the host (the pipeline's streams are closed by then), so no
        /// create or removal that may have happened goes unreported.
        /// </summary>
        private protected override void OnStopped()
        {
            var cutOff = _queue?.TakeCutOff();
            if (cutOff == null || cutOff.Count == 0)
            {
                return;
            }
            var text = ConsoleText.Escape($"{MyInvocation.MyCommand.Name} was stopped after sending {cutOff.Count} item(s) whose outcome was not written; they may have taken effect (check with Get-ComposioAuthConfig): {string.Join(", ", cutOff)}.");
            try
            {
                Host.UI.WriteWarningLine(text);
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is NullReferenceException || ex is HostException)
            {
                // A host without a UI: nowhere left to say it.
            }
        }

        /// <summary>An item that failed while being decided: its error is written in its turn, after the items before it.</summary>
        private protected void Dispatch(object target, ComposioException failure) =>
            Dispatch<bool>(target, _ => Task.FromException<bool>(failure), _ => { });

        protected override void EndProcessing()
        {
            if (_queue == null)
            {
                return;
            }
            Progress.Total = _dispatched;
            _queue.Drain();
            Progress.Complete();
        }
    }
}
