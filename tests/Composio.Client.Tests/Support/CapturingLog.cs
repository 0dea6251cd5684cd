using System.Collections.Concurrent;
using Composio.Client.Logging;

namespace Composio.Client.Tests.Support;

/// <summary>Keeps every Verbose and Debug line the client reports, for leak scans and retry counts.</summary>
public sealed class CapturingLog : IClientLog
{
    public ConcurrentQueue<string> VerboseLines { get; } = new();
    public ConcurrentQueue<string> DebugLines { get; } = new();

    public bool DebugEnabled => true;

    public IEnumerable<string> All => VerboseLines.Concat(DebugLines);

    public void Verbose(string message) => VerboseLines.Enqueue(message);

    public void Debug(string message) => DebugLines.Enqueue(message);
}
