using Microsoft.Extensions.Time.Testing;

namespace Composio.Client.Tests.Support;

/// <summary>
/// A fake clock that says when a wait starts: each timer the client makes (a retry wait, the
/// shared pause, an attempt's timeout) is announced with its due time, so a test advances the
/// clock exactly when the client is waiting, instead of sleeping and hoping.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly object _lock = new();
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _watchers = new();
    private readonly List<TimeSpan> _started = new();

    public TestClock() => AutoAdvanceAmount = TimeSpan.Zero;

    /// <summary>Due times of every timer made so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_lock)
            {
                return _started.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource<TimeSpan>> fired;
        lock (_lock)
        {
            _started.Add(dueTime);
            fired = _watchers.Where(w => w.Match(dueTime)).Select(w => w.Signal).ToList();
            _watchers.RemoveAll(w => fired.Contains(w.Signal));
        }
        fired.ForEach(s => s.TrySetResult(dueTime));
        return timer;
    }

    /// <summary>Completes when the <paramref name="count"/>-th timer whose due time matches has been made (counting those made already).</summary>
    public Task<TimeSpan> TimerStarted(Func<TimeSpan, bool> match, int count = 1)
    {
        lock (_lock)
        {
            var made = _started.Where(match).ToList();
            if (made.Count >= count)
            {
                return Task.FromResult(made[count - 1]);
            }
            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var seen = made.Count;
            // Counts further matches until the count is reached.
            _watchers.Add((due => match(due) && ++seen >= count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A wait of exactly this length (the retry wait or shared pause asked by a server).</summary>
    public Task<TimeSpan> WaitStarted(TimeSpan length, int count = 1) => TimerStarted(due => due == length, count);
}
