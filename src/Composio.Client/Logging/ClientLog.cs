using System;
using System.Threading;

namespace Composio.Client.Logging
{
    /// <summary>
    /// The log of the current call. Ambient (AsyncLocal) so the HTTP handlers deep in the pipeline can
    /// report retries and timings without every method taking a logger, and so parallel runspaces
    /// each see their own.
    /// </summary>
    public static class ClientLog
    {
        private static readonly AsyncLocal<IClientLog?> s_current = new AsyncLocal<IClientLog?>();

        public static IClientLog? Current => s_current.Value;

        public static IDisposable Use(IClientLog log)
        {
            var previous = s_current.Value;
            s_current.Value = log;
            return new Restore(previous);
        }

        internal static void Verbose(string message) => s_current.Value?.Verbose(message);

        internal static void Debug(string message) => s_current.Value?.Debug(message);

        private sealed class Restore : IDisposable
        {
            private readonly IClientLog? _previous;
            public Restore(IClientLog? previous) => _previous = previous;
            public void Dispose() => s_current.Value = _previous;
        }
    }
}
