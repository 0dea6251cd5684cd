using System.Management.Automation;
using Composio.PowerShell.Pipeline;
using Xunit;

namespace Composio.PowerShell.Tests;

public class InFlightQueueTests
{
    private static InFlightQueue Queue(int limit) =>
        new(limit, RelayLevel.None, new InFlightQueue.Sink(_ => { }, _ => { }), CancellationToken.None);

    [Fact]
    public void Items_AreFinishedInInputOrder_WhenTheirWorkEndsInReverse()
    {
        var queue = Queue(limit: 3);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var finished = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var gate = gates[i];
            var name = "item" + i;
            queue.Add(name, _ => gate.Task, _ => finished.Add(name));
        }
        Assert.Equal(3, queue.Running);

        // The last item ends first, the first last: nothing may be finished before item0.
        gates[2].SetResult();
        gates[1].SetResult();
        Assert.Empty(finished);
        gates[0].SetResult();
        queue.Drain();

        Assert.Equal(new[] { "item0", "item1", "item2" }, finished);
    }

    [Fact]
    public void LimitOne_FinishesEachItemBeforeTheNextStarts()
    {
        var queue = Queue(limit: 1);
        var log = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var name = "item" + i;
            queue.Add(name, _ => { log.Add("start " + name); return Task.CompletedTask; }, _ => log.Add("finish " + name));
        }
        queue.Drain();
        Assert.Equal(new[] { "start item0", "finish item0", "start item1", "finish item1", "start item2", "finish item2" }, log);
    }

    [Fact]
    public void StopSeenOnlyAsAFailedWrite_CutsOffTheItemAndThoseBehindIt()
    {
        // PowerShell marks the pipeline stopping before the cmdlet's StopProcessing trips the
        // token: the first sign of the stop is a write throwing, with the token not yet cancelled.
        var queue = Queue(limit: 3);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add("item0", _ => gate.Task, _ => throw new PipelineStoppedException());
        queue.Add("item1", token => Task.Delay(Timeout.Infinite, token), _ => { });
        gate.SetResult();
        Assert.Throws<PipelineStoppedException>(() => queue.Drain());

        Assert.Equal(new[] { "item0", "item1" }, queue.TakeCutOff());
        Assert.Equal(0, queue.Running);
    }

    [Fact]
    public void FailureThatIsNoStop_CutsOffNothing()
    {
        var queue = Queue(limit: 3);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add("item0", _ => gate.Task, _ => throw new InvalidOperationException("a downstream failure"));
        queue.Add("item1", token => Task.Delay(Timeout.Infinite, token), _ => { });
        gate.SetResult();
        Assert.Throws<InvalidOperationException>(() => queue.Drain());

        Assert.Empty(queue.TakeCutOff());
    }
}
