using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Toolkits;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Pipeline;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What every Composio cmdlet that talks to the API shares: -Connection, a cancellation token
    /// that Ctrl+C (StopProcessing) trips, <see cref="Await{T}"/>, which runs a client call and
    /// writes its Verbose/Debug lines on the pipeline thread while it runs, <see cref="Emit"/>,
    /// which stamps output with its connection, and the one failure policy.
    /// </summary>
    public abstract class ComposioCmdlet : PSCmdlet, IDisposable
    {
        private CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>
        /// The project to act in. Binds from a piped object's own Connection, so objects go back
        /// to the project they came from; without one, the runspace's default (Connect-Composio).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ComposioConnection? Connection { get; set; }

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The connection for the current item; a terminating error when there is none to be had.</summary>
        internal ComposioConnection CurrentConnection
        {
            get
            {
                if (Connection != null)
                {
                    return Connection;
                }
                try
                {
                    return Connections.Require(this);
                }
                catch (ComposioException ex)
                {
                    throw Terminate(ex);
                }
            }
        }

        /// <summary>The client of the current item's connection.</summary>
        internal ComposioClient Client => CurrentConnection.Client;

        /// <summary>Writes an object that came from the API, stamped with the connection it came through.</summary>
        internal void Emit(object item, ComposioConnection? from = null)
        {
            var connection = from ?? CurrentConnection;
            if (item is AuthConfig config)
            {
                // A created config's credentials come with its first read (see AuthConfig): masked then,
                // from the cached toolkit (New just used it), so emitting it sends nothing.
                config.WhenComplete(c => ToolkitSecretMask.Apply(c, () =>
                    c == config ? ToolkitOf(connection, c.Toolkit) : connection.Toolkits.TryGetCached(c.Toolkit, out var cached) ? cached : null));
                connection.Seen.Remember(config);
            }
            WriteObject(OutputStamp.Stamp(item, connection));
        }

        /// <summary>The toolkit from the connection's cache (one request when not cached); null when it cannot be had.</summary>
        private Toolkit? ToolkitOf(ComposioConnection connection, string slug)
        {
            try
            {
                return connection.Toolkits.TryGetCached(slug, out var cached) ? cached : Await(token => connection.Toolkits.GetAsync(slug, token));
            }
            catch (ComposioException)
            {
                return null;
            }
        }

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Runs a client call to the end, relaying its log lines as they come.</summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> call)
        {
            var debug = Streams.Enabled(this, "Debug", "DebugPreference");
            if (!debug && !Streams.Enabled(this, "Verbose", "VerbosePreference"))
            {
                // The client writes only Verbose and Debug lines, and PowerShell would drop them
                // all: skip the relay and its thread hand-off (about half of a local call's cost).
                return Result(call(_cancellation.Token));
            }
            using var log = new PipelineLog(debug);
            Task<T> task;
            using (ClientLog.Use(log))
            {
                task = call(_cancellation.Token);
            }
            task.ContinueWith(_ => log.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var line in log.Drain())
            {
                if (line.IsDebug)
                {
                    Streams.Debug(this, line.Text);
                }
                else
                {
                    Say(line.Text);
                }
            }
            return Result(task);
        }

        private T Result<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected void Await(Func<CancellationToken, Task> call) =>
            Await(async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// Reports a failure about one pipeline item: non-terminating, so the next item goes on,
        /// unless no other item could succeed either (see <see cref="FailurePolicy"/>).
        /// </summary>
        protected void WriteComposioError(ComposioException ex, object? target = null, string? label = null) =>
            WriteItemError(ErrorRecords.From(ex, target, label), FailurePolicy.StopsPipeline(ex));

        private protected void WriteItemError(ErrorRecord record, bool stopsPipeline)
        {
            if (stopsPipeline)
            {
                ThrowTerminatingError(record);
            }
            WriteError(record);
        }

        /// <summary>
        /// The one gate for deletions (Remove-ComposioAuthConfig, Sync -Prune): asked as at
        /// ConfirmImpact High whatever the cmdlet's own impact; -Force skips the question, but not
        /// -WhatIf nor an explicit -Confirm. A host that cannot ask (-NonInteractive) gives
        /// <paramref name="refused"/> (ConfirmationRequired, for this item only) instead of the
        /// host's error ending the whole pipeline at the first item.
        /// </summary>
        private protected bool ApproveDeletion(string target, string action, bool force, out ComposioException? refused)
        {
            refused = null;
            target = ConsoleText.Escape(target); // A name from the server, shown in WhatIf and confirmation text.
            var gate = DeletionGateOf(force, out var confirm);
            if (gate == DeletionGate.WhatIf)
            {
                return ShouldProcess(target, action);
            }
            if (gate == DeletionGate.Go)
            {
                Say($"Performing the operation \"{action}\" on target \"{target}\".");
                return true;
            }
            try
            {
                if (OwnImpact() >= ConfirmImpact.High || confirm)
                {
                    return ShouldProcess(target, action);
                }
                // The cmdlet's own impact is lower (Sync): ShouldProcess would not ask, so ask here.
                return ShouldContinue($"{action} on target \"{target}\".", "Confirm", ref _yesToAllDeletions, ref _noToAllDeletions);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException || ex is NotImplementedException)
            {
                refused = ErrorCatalog.ConfirmationRequired.At(target, "Force", target, "deleted");
                return false;
            }
        }

        /// <summary>
        /// Whether <see cref="ApproveDeletion"/> will show its target (a -WhatIf line or a
        /// question), decided from the same parameters and preferences, so a cmdlet reads what
        /// only the text needs (Remove's connected-account count) only when it is shown.
        /// </summary>
        private protected bool DeletionTargetShown(bool force) => DeletionGateOf(force, out _) != DeletionGate.Go;

        private enum DeletionGate { WhatIf, Ask, Go }

        private DeletionGate DeletionGateOf(bool force, out bool confirm)
        {
            var bound = MyInvocation.BoundParameters;
            var whatIf = bound.TryGetValue("WhatIf", out var whatIfValue)
                ? LanguagePrimitives.IsTrue(whatIfValue)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            var confirmGiven = bound.TryGetValue("Confirm", out var confirmValue);
            confirm = confirmGiven && LanguagePrimitives.IsTrue(confirmValue);
            if (whatIf)
            {
                return DeletionGate.WhatIf;
            }
            return confirm || (!force && !confirmGiven && !ConfirmsNothing()) ? DeletionGate.Ask : DeletionGate.Go;
        }

        private bool _yesToAllDeletions;
        private bool _noToAllDeletions;

        /// <summary>$ConfirmPreference None: nothing is ever asked.</summary>
        private bool ConfirmsNothing() =>
            LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var preference) && preference == ConfirmImpact.None;

        private ConfirmImpact OwnImpact() =>
            ((CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute)))?.ConfirmImpact ?? ConfirmImpact.Medium;

        /// <summary>
        /// Ends the command with a failure no item can escape (bad parameters for the whole
        /// command, a file that cannot be used, no connection). Written `throw Terminate(...)`, so
        /// the compiler knows the code after it is not reached; the returned exception is never thrown.
        /// </summary>
        private protected Exception Terminate(ComposioException ex, object? target = null)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, target));
            return new InvalidOperationException("Not reached: ThrowTerminatingError throws.");
        }

        /// <summary>A Verbose line that never prompts (see <see cref="Streams"/>).</summary>
        /// <summary>
        /// Runs a check against a toolkit's metadata; when it refuses what the metadata may not
        /// know yet (<see cref="StaleMetadata"/>), the toolkit is read again once and the check
        /// repeated, so a stale cache never refuses what the service would accept.
        /// </summary>
        internal T CheckAgainstToolkit<T>(ToolkitCache cache, Toolkit toolkit, Func<Toolkit, T> check)
        {
            try
            {
                return check(toolkit);
            }
            catch (ComposioException ex) when (StaleMetadata.MayBeStale(ex))
            {
                Say($"Toolkit '{toolkit.Slug}' as cached refuses this ({ex.ErrorId}); reading the toolkit again before refusing.");
                var fresh = Await(token => cache.RefreshAsync(toolkit.Slug, token));
                return check(fresh);
            }
        }

        internal void Say(string text) => Streams.Verbose(this, text);

        /// <summary>A warning that never prompts (see <see cref="Streams"/>).</summary>
        internal void Warn(string text) => Streams.Warning(this, text);

        /// <summary>Runs when the command ends after a stop (Ctrl+C), on the pipeline thread.</summary>
        private protected virtual void OnStopped()
        {
        }

        public void Dispose()
        {
            if (_cancellation.IsCancellationRequested)
            {
                OnStopped();
            }
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
