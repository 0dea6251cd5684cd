using System;
using System.Collections.Concurrent;
using Composio.Client.Logging;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// The client log of a call in flight: hands its Verbose/Debug lines, from whatever thread they
    /// come on, to a collection the pipeline thread reads and writes from (Write* is only allowed
    /// there). Used by <c>ComposioCmdlet.Await</c> and by each work item of an <see cref="InFlightQueue"/>.
    /// </summary>
    internal sealed class LogRelay : IClientLog
    {
        private readonly BlockingCollection<Line> _lines;

        private LogRelay(BlockingCollection<Line> lines, bool debugEnabled)
        {
            _lines = lines;
            DebugEnabled = debugEnabled;
        }

        public bool DebugEnabled { get; }

        /// <summary>
        /// Makes the client's calls started inside the scope log into <paramref name="lines"/>;
        /// null (no scope, nothing collected) at <see cref="RelayLevel.None"/>.
        /// </summary>
        public static IDisposable? Use(BlockingCollection<Line> lines, RelayLevel level) =>
            level == RelayLevel.None ? null : ClientLog.Use(new LogRelay(lines, level == RelayLevel.Debug));

        public void Verbose(string message) => Add(new Line(false, message));

        public void Debug(string message)
        {
            if (DebugEnabled)
            {
                Add(new Line(true, message));
            }
        }

        private void Add(Line line)
        {
            try
            {
                _lines.TryAdd(line);
            }
            catch (InvalidOperationException)
            {
                // Completed (or disposed): the call is over, and a late line has nobody left to read it.
            }
        }

        /// <summary>One log line; a line without text is the reader's own signal (an item of the queue ended).</summary>
        internal readonly struct Line
        {
            public Line(bool isDebug, string? text)
            {
                IsDebug = isDebug;
                Text = text;
            }

            public bool IsDebug { get; }

            public string? Text { get; }
        }
    }
}
