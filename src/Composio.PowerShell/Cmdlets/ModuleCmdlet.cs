using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Pipeline;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What every cmdlet of the module shares, those without -Connection too (Connect-,
    /// Disconnect-Composio, Get-ComposioConnection): a cancellation token that Ctrl+C
    /// (StopProcessing) trips and that is disposed with the cmdlet, <see cref="Await{T}"/>, which
    /// runs a client call and writes its Verbose/Debug lines on the pipeline thread while it runs,
    /// the streams that never prompt, and <see cref="Terminate"/>.
    /// </summary>
    public abstract class ModuleCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Which client log lines reach this command's streams: what -Verbose and -Debug (or their preferences) let through.</summary>
        private protected RelayLevel RelayLevel =>
            Streams.Enabled(this, "Debug", "DebugPreference") ? RelayLevel.Debug
            : Streams.Enabled(this, "Verbose", "VerbosePreference") ? RelayLevel.Verbose
            : RelayLevel.None;

        /// <summary>Runs a client call to the end, relaying its log lines as they come.</summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> call)
        {
            var level = RelayLevel;
            if (level == RelayLevel.None)
            {
                // The client writes only Verbose and Debug lines, and PowerShell would drop them
                // all: skip the relay and its thread hand-off (about half of a local call's cost).
                return Result(call(_cancellation.Token));
            }
            using var lines = new BlockingCollection<LogRelay.Line>();
            Task<T> task;
            using (LogRelay.Use(lines, level))
            {
                task = call(_cancellation.Token);
            }
            task.ContinueWith(_ => lines.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var line in lines.GetConsumingEnumerable())
            {
                Relay(line);
            }
            return Result(task);
        }

        protected void Await(Func<CancellationToken, Task> call) =>
            Await(async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            });

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

        /// <summary>Writes one relayed client log line to its stream, on the pipeline thread.</summary>
        private protected void Relay(LogRelay.Line line)
        {
            if (line.IsDebug)
            {
                Streams.Debug(this, line.Text ?? string.Empty);
            }
            else
            {
                Say(line.Text ?? string.Empty);
            }
        }

        /// <summary>A Verbose line that never prompts (see <see cref="Streams"/>).</summary>
        internal void Say(string text) => Streams.Verbose(this, text);

        /// <summary>A warning that never prompts (see <see cref="Streams"/>).</summary>
        internal void Warn(string text) => Streams.Warning(this, text);

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

        /// <summary>Runs when the command ends after a stop (Ctrl+C), on the pipeline thread.</summary>
        private protected virtual void OnStopped()
        {
        }

        public void Dispose()
        {
            // PowerShell marks the pipeline stopping (Stopping) before it calls each command's
            // StopProcessing, in pipeline order: a write may end this command, and Dispose run,
            // before its own StopProcessing has come.
            if (_cancellation.IsCancellationRequested || Stopping)
            {
                OnStopped();
            }
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
