using System;
using System.Collections.Generic;
using System.Linq;
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
    /// What the cmdlets that change auth configs item by item share: -ThrottleLimit, and one
    /// template per item (<see cref="Run{T}"/>): validate → pick the item's connection →
    /// ShouldProcess (or the deletion gate) → dispatch. Everything up to the dispatch happens on
    /// the pipeline thread; the item's requests then run as a work item (up to -ThrottleLimit at
    /// once), and its result is written back on the pipeline thread in input order, with errors
    /// through the one failure policy. EndProcessing drains what is still in flight.
    /// </summary>
    public abstract class BulkCommand : ComposioCmdlet
    {
        private const int ProgressActivityId = 4103;
        private InFlightQueue? _queue;
        private BulkProgress? _progress;
        private long _dispatched;
        private long _done;
        private bool _connectionGiven;
        private IReadOnlyList<string> _notYetTried = Array.Empty<string>();
        private RunSummary? _summary;

        /// <summary>The run's counts, written as one Information record when the command ends.</summary>
        private protected RunSummary Summary => _summary ??= new RunSummary { Command = MyInvocation.MyCommand.Name };

        /// <summary>What a finished item counts as in the summary.</summary>
        private protected abstract void CountDone(RunSummary summary);

        /// <summary>
        /// How many items' requests may be in flight at once (1 to 32; default 1, one after the
        /// other). One limit for the whole command, whatever connections the items belong to.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = 1;

        private InFlightQueue Queue => _queue ??= new InFlightQueue(
            ThrottleLimit,
            RelayLevel,
            // Relay (Say for Verbose lines) and Warn, not WriteVerbose and WriteWarning: under -Debug those would prompt.
            new InFlightQueue.Sink(Relay, Warn),
            CancellationToken);

        private BulkProgress Progress => _progress ??= new BulkProgress(WriteProgress, ProgressActivityId, MyInvocation.MyCommand.Name);

        protected sealed override void BeginProcessing()
        {
            // Given on the command line, as opposed to bound from each piped object's own Connection.
            _connectionGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Connection));
            Begin();
        }

        /// <summary>BeginProcessing of the cmdlet itself.</summary>
        private protected virtual void Begin()
        {
        }

        /// <summary>The items of one array parameter; when it came from the command line, not the pipeline, their number is the total.</summary>
        private protected IEnumerable<T> Items<T>(T[] items)
        {
            if (!MyInvocation.ExpectingInput)
            {
                Progress.Total = items.Length;
            }
            for (var i = 0; i < items.Length; i++)
            {
                // Named by an -ErrorAction Stop failure as not tried.
                _notYetTried = items.Skip(i + 1).Select(item => item?.ToString() ?? string.Empty).ToList();
                yield return items[i];
            }
            _notYetTried = Array.Empty<string>();
        }

        /// <summary>
        /// The per-item template. <paramref name="validate"/> checks what needs no server (may
        /// throw a ComposioException); then the item's connection is picked (a piped object's own
        /// project never silently overridden); <paramref name="prepare"/> does the checks that need
        /// it and returns the plan, or null when there is nothing to send (it said why); then
        /// ShouldProcess, or for a deletion the deletion gate; then the dispatch. Every failure
        /// before the dispatch is the item's error, written in its turn.
        /// </summary>
        private protected void Run<T>(BulkItem item, Action? validate, Func<ComposioConnection, ItemPlan<T>?> prepare)
        {
            ComposioConnection connection;
            ItemPlan<T>? plan;
            try
            {
                validate?.Invoke();
                connection = PickConnection(item);
                Summary.In(connection);
                plan = prepare(connection);
            }
            catch (ComposioException ex)
            {
                Fail(item, ex);
                return;
            }
            if (plan == null)
            {
                return;
            }
            var target = plan.Target ?? item.Target as string ?? item.Label;
            bool approved;
            if (plan.Deletes)
            {
                approved = ApproveDeletion(target, plan.Action, ForceGiven, out var refused);
                if (refused != null)
                {
                    Fail(item, refused);
                    return;
                }
            }
            else
            {
                approved = ShouldProcess(ConsoleText.Escape(target), plan.Action);
            }
            if (!approved)
            {
                Declined();
                return;
            }
            Dispatch(item, plan.Work, plan.Done);
        }

        /// <summary>-Force of the cmdlets that have it (Remove); it skips the deletion question.</summary>
        private protected virtual bool ForceGiven => false;

        /// <summary>A declined item no longer counts towards the total.</summary>
        private void Declined()
        {
            Summary.Skipped++;
            if (Progress.Total is long total)
            {
                Progress.Total = total - 1;
            }
        }

        /// <summary>
        /// -Connection, else the project the piped object came from, else the default. An object
        /// from one project with another given as -Connection is an error naming both, unless the
        /// object was turned into its id first.
        /// </summary>
        private ComposioConnection PickConnection(BulkItem item)
        {
            if (_connectionGiven && Connection != null && item.Own != null && !SameProject(item.Own, Connection))
            {
                throw ErrorCatalog.ConnectionConflict.At(item.Label, nameof(Connection), item.Label, item.Own, Connection);
            }
            return ItemConnection(item.Own);
        }

        private static bool SameProject(ComposioConnection a, ComposioConnection b) =>
            ReferenceEquals(a, b) || (a.BaseUri == b.BaseUri && string.Equals(a.Client.Options.Credential, b.Client.Options.Credential, StringComparison.Ordinal));

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
        /// What the connection knows of a config (type, toolkit, scheme, name, connected accounts):
        /// from what it has seen when that is <paramref name="enough"/>, else with one GET.
        /// </summary>
        private protected SeenAuthConfigs.Seen Known(ComposioConnection connection, string id, Func<SeenAuthConfigs.Seen, bool> enough, string why)
        {
            if (connection.Seen.TryGet(id, out var known) && enough(known))
            {
                return known;
            }
            Say($"Looking up auth config {id} {why}.");
            var config = Await(token => connection.Client.GetAuthConfigAsync(id, token));
            connection.Seen.Remember(config);
            connection.Seen.TryGet(id, out var seen);
            return seen;
        }

        /// <summary>An item that failed while being decided: its error is written in its turn, after the items before it.</summary>
        private protected void Fail(BulkItem item, ComposioException failure) =>
            Dispatch<bool>(item, _ => Task.FromException<bool>(failure), _ => { });

        /// <summary>
        /// Runs <paramref name="work"/> (requests only: no Write*, no cmdlet state) once a slot is
        /// free; then, on the pipeline thread and in input order, <paramref name="done"/> with its
        /// result, or the item's error.
        /// </summary>
        private void Dispatch<T>(BulkItem item, Func<CancellationToken, Task<T>> work, Action<T> done)
        {
            _dispatched++;
            var key = item.Target as string ?? item.Label;
            Queue.Add(key, work, ended =>
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
                    Summary.Failed++;
                    var stops = FailurePolicy.StopsPipeline(ex);
                    if (stops)
                    {
                        Queue.StopBehind(key);
                    }
                    var record = ErrorRecords.From(ex, item.Target, item.Label);
                    if (stops || StopsOnError())
                    {
                        // The pipeline ends here: say how far it got, for a rerun.
                        record.ErrorDetails = new ErrorDetails(record.ErrorDetails.Message + " " + HowFar()) { RecommendedAction = record.ErrorDetails.RecommendedAction };
                    }
                    WriteItemError(record, stops);
                    return;
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                _done++;
                CountDone(Summary);
                Progress.Finish(failed: false);
                Progress.Update(Queue.Running);
                done(result);
            }, ended => $"{item.Label} ({IdOf(((Task<T>)ended).Result!) ?? "done"})");
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

        private string HowFar()
        {
            var notTried = _notYetTried.Count == 0 ? string.Empty : $" Not tried: {string.Join(", ", _notYetTried)}.";
            var later = MyInvocation.ExpectingInput ? " Later pipeline input was not tried either." : string.Empty;
            return $"Stopped after {_done} item(s) were done.{notTried}{later}";
        }

        /// <summary>Whether -ErrorAction (or $ErrorActionPreference) turns this item's error into the end of the command.</summary>
        private bool StopsOnError()
        {
            var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var given) ? given : GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo<ActionPreference>(value, out var preference) && preference == ActionPreference.Stop;
        }

        protected override void EndProcessing()
        {
            if (_queue != null)
            {
                Progress.Total = _dispatched;
                _queue.Drain();
                Progress.Complete();
            }
            _summary?.Write(this);
        }
    }
}
