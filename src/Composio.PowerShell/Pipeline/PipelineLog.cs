using System;
using System.Collections.Concurrent;
using Composio.Client.Logging;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Collects the client's Verbose/Debug lines from whatever thread they come on, for the
    /// cmdlet to write on the pipeline thread (Write* is only allowed there).
    /// </summary>
    internal sealed class PipelineLog : IClientLog, IDisposable
    {
        private readonly BlockingCollection<LogLine> _lines = new BlockingCollection<LogLine>();

        public PipelineLog(bool debugEnabled) => DebugEnabled = debugEnabled;

        public bool DebugEnabled { get; }

        public void Verbose(string message) => Add(new LogLine(false, message));

        public void Debug(string message)
        {
            if (DebugEnabled)
            {
                Add(new LogLine(true, message));
            }
        }

        /// <summary>Ends <see cref="Drain"/> once the lines already added are read.</summary>
        public void Complete() => _lines.CompleteAdding();

        /// <summary>Blocks, yielding each line as it comes, until <see cref="Complete"/>.</summary>
        public System.Collections.Generic.IEnumerable<LogLine> Drain() => _lines.GetConsumingEnumerable();

        private void Add(LogLine line)
        {
            try
            {
                _lines.TryAdd(line);
            }
            catch (InvalidOperationException)
            {
                // Completed: the call is over, and a late line has nobody left to read it.
            }
        }

        public void Dispose() => _lines.Dispose();

        internal readonly struct LogLine
        {
            public LogLine(bool isDebug, string text)
            {
                IsDebug = isDebug;
                Text = text;
            }

            public bool IsDebug { get; }
            public string Text { get; }
        }
    }
}
