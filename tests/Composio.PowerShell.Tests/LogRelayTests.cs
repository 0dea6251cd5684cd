using System.Collections.Concurrent;
using Composio.Client.Logging;
using Composio.PowerShell.Pipeline;
using Xunit;

namespace Composio.PowerShell.Tests;

public class LogRelayTests
{
    [Fact]
    public void None_CollectsNothing_AndSetsNoClientLog()
    {
        var lines = new BlockingCollection<LogRelay.Line>();
        using (LogRelay.Use(lines, RelayLevel.None))
        {
            Assert.Null(ClientLog.Current);
        }
        Assert.Equal(0, lines.Count);
    }

    [Fact]
    public void Verbose_DropsDebugLines()
    {
        var lines = new BlockingCollection<LogRelay.Line>();
        using (LogRelay.Use(lines, RelayLevel.Verbose))
        {
            var log = ClientLog.Current!;
            Assert.False(log.DebugEnabled);
            log.Verbose("v");
            log.Debug("d");
        }
        var line = Assert.Single(lines);
        Assert.False(line.IsDebug);
        Assert.Equal("v", line.Text);
    }

    [Fact]
    public void Debug_KeepsBothInOrder_AndTheScopeRestoresThePreviousLog()
    {
        var lines = new BlockingCollection<LogRelay.Line>();
        using (LogRelay.Use(lines, RelayLevel.Debug))
        {
            ClientLog.Current!.Debug("d");
            ClientLog.Current!.Verbose("v");
        }
        Assert.Null(ClientLog.Current);
        Assert.Equal(new[] { (true, "d"), (false, "v") }, lines.Select(l => (l.IsDebug, l.Text!)));
    }

    [Fact]
    public void ALateLine_AfterTheReaderCompletedOrDisposed_IsDropped()
    {
        var lines = new BlockingCollection<LogRelay.Line>();
        IClientLog log;
        using (LogRelay.Use(lines, RelayLevel.Debug))
        {
            log = ClientLog.Current!;
        }
        lines.CompleteAdding();
        log.Verbose("late");
        lines.Dispose();
        log.Debug("later");
    }

    [Fact]
    public void AQueueRelaysItsWorkItemsLines_ThroughItsSink()
    {
        var written = new List<(bool, string)>();
        var queue = new InFlightQueue(2, RelayLevel.Verbose,
            new InFlightQueue.Sink(line => written.Add((line.IsDebug, line.Text!)), _ => { }), CancellationToken.None);
        queue.Add("a", _ =>
        {
            ClientLog.Current!.Verbose("sent a");
            ClientLog.Current!.Debug("GET /a");
            return Task.CompletedTask;
        }, _ => { });
        queue.Drain();
        Assert.Equal(new[] { (false, "sent a") }, written);
    }
}
