using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Logging;

namespace Composio.Client.Http
{
    /// <summary>
    /// One connection's shared backoff. A 429 or 503 answered to any request pauses every request
    /// of the connection for the wait the server asked (or the computed backoff); after the pause
    /// one request goes first, and the others follow only once it is answered with something else.
    /// So N requests in flight meet a rate limit as one caller would, instead of as N retries at
    /// the same instant. Only when requests are sent is decided here; whether one is repeated
    /// stays with <see cref="RetryHandler"/>.
    /// </summary>
    internal sealed class ThrottleGate
    {
        private readonly TimeProvider _time;
        private readonly long _start;
        private readonly object _lock = new object();
        private TaskCompletionSource<bool> _changed = NewSignal();
        /// <summary>A 429/503 was seen and no request sent after the pause has been answered otherwise yet.</summary>
        private bool _paused;
        private TimeSpan _pausedUntil;
        /// <summary>The one request sent after the pause is in flight: the others wait for its answer.</summary>
        private bool _probing;
        private int _lastStatus;

        public ThrottleGate(TimeProvider time)
        {
            _time = time;
            _start = time.GetTimestamp();
        }

        private TimeSpan Now => _time.GetElapsedTime(_start);

        public static bool IsThrottle(HttpResponseMessage response) => (int)response.StatusCode == 429 || (int)response.StatusCode == 503;

        /// <summary>
        /// Waits until this request may be sent. True when it is the first request after a pause:
        /// its <see cref="Leave"/> then opens the gate or pauses it again.
        /// </summary>
        public async Task<bool> EnterAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var said = false;
            while (true)
            {
                TimeSpan wait;
                Task changed;
                int status;
                lock (_lock)
                {
                    if (!_paused)
                    {
                        return false;
                    }
                    // Rounded up to whole milliseconds: Task.Delay counts no finer, and a shorter wait would end at once and spin.
                    wait = TimeSpan.FromMilliseconds(Math.Ceiling((_pausedUntil - Now).TotalMilliseconds));
                    if (wait <= TimeSpan.Zero && !_probing)
                    {
                        _probing = true;
                        return true;
                    }
                    changed = _changed.Task;
                    status = _lastStatus;
                }
                if (!said)
                {
                    said = true;
                    var what = wait > TimeSpan.Zero
                        ? $"waiting {wait.TotalSeconds:0.0#} s"
                        : "waiting for the first request after the pause to be answered";
                    ClientLog.Verbose($"Holding {request.Method} {request.RequestUri?.AbsolutePath}: this connection was answered HTTP {status}; {what}.");
                }
                await WaitAsync(changed, wait > TimeSpan.Zero ? wait : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// After an attempt. <paramref name="pause"/> is set when the answer was a 429/503 (the wait
        /// it asks); <paramref name="answered"/> is false when the attempt ended without an answer
        /// to judge by (the caller stopped), so a waiting request goes first instead.
        /// </summary>
        public void Leave(bool probe, int status, TimeSpan? pause, bool answered)
        {
            TaskCompletionSource<bool>? signal = null;
            lock (_lock)
            {
                if (pause is TimeSpan wait)
                {
                    var until = Now + wait;
                    _pausedUntil = _paused && _pausedUntil > until ? _pausedUntil : until;
                    _paused = true;
                    _lastStatus = status;
                    if (probe)
                    {
                        _probing = false;
                    }
                    signal = Swap();
                }
                else if (probe)
                {
                    _probing = false;
                    if (answered)
                    {
                        _paused = false;
                    }
                    signal = Swap();
                }
            }
            signal?.TrySetResult(true);
        }

        private TaskCompletionSource<bool> Swap()
        {
            var old = _changed;
            _changed = NewSignal();
            return old;
        }

        private async Task WaitAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
        {
            using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var delay = wait == Timeout.InfiniteTimeSpan ? Task.Delay(wait, timer.Token) : _time.Delay(wait, timer.Token);
                await Task.WhenAny(changed, delay).ConfigureAwait(false);
                // Ends the timer when the state changed first; a stop ends both.
                timer.Cancel();
            }
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Continuations run elsewhere, never inside Leave's caller.
        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
