using System.Collections.Concurrent;
using Composio.Client.Logging;

namespace Composio.Client.Tests.Support;

/// <summary>Keeps every Verbose and Debug line the client reports, for leak scans and retry counts; says when a line comes.</summary>
public sealed class CapturingLog : IClientLog
{
    private readonly List<(Func<string, bool> Match, int Count, TaskCompletionSource Signal)> _watchers = new();

    public ConcurrentQueue<string> VerboseLines { get; } = new();
    public ConcurrentQueue<string> DebugLines { get; } = new();

    public bool DebugEnabled => true;

    public IEnumerable<string> All => VerboseLines.Concat(DebugLines);

    public void Verbose(string message)
    {
        VerboseLines.Enqueue(message);
        Check();
    }

    public void Debug(string message) => DebugLines.Enqueue(message);

    /// <summary>Completes once <paramref name="count"/> Verbose lines match (those said already count): a signal instead of a sleep.</summary>
    public Task Said(Func<string, bool> match, int count = 1)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watchers)
        {
            _watchers.Add((match, count, signal));
        }
        Check();
        return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Check()
    {
        lock (_watchers)
        {
            foreach (var (match, count, signal) in _watchers.ToList())
            {
                if (VerboseLines.Count(match) >= count)
                {
                    signal.TrySetResult();
                    _watchers.RemoveAll(w => w.Signal == signal);
                }
            }
        }
    }
}
