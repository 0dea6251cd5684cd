using System;
using Composio.Client.Logging;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// The client log of one work item of an <see cref="InFlightQueue"/>: it only hands lines to the
    /// queue, which writes them on the pipeline thread (Write* is not allowed on a worker).
    /// </summary>
    internal sealed class WorkerLog : IClientLog
    {
        private readonly Action<InFlightQueue.Signal> _post;

        public WorkerLog(Action<InFlightQueue.Signal> post, bool debugEnabled)
        {
            _post = post;
            DebugEnabled = debugEnabled;
        }

        public bool DebugEnabled { get; }

        public void Verbose(string message) => _post(new InFlightQueue.Signal(false, message));

        public void Debug(string message)
        {
            if (DebugEnabled)
            {
                _post(new InFlightQueue.Signal(true, message));
            }
        }
    }
}
