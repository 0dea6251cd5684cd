namespace Composio.Emulator.Faults;

public enum FaultKind
{
    /// <summary>Answer with a status and error body without acting.</summary>
    Status,
    /// <summary>Wait, then handle normally.</summary>
    Latency,
    /// <summary>Abort the connection without acting.</summary>
    DropBefore,
    /// <summary>Act fully, then abort without sending the response (the "lost response" case).</summary>
    DropAfter,
}
