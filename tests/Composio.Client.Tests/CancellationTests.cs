using System.Net;
using System.Net.Http;
using System.Text;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// The caller's token stops a request, a backoff wait and a stalled body promptly. The client runs
/// on a fake clock that stands still, so a call that ends after the stop did not wait out a
/// timeout or backoff: it ended because of the stop.
/// </summary>
public class CancellationTests
{
    /// <summary>Bounds a step that must finish without the clock moving; only a hang reaches it.</summary>
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Starts the call, waits until <paramref name="waiting"/> says it is stuck where the test
    /// wants it (a hanging request, a backoff, a stalled body), checks it has not ended, stops
    /// it, and returns how it ended.
    /// </summary>
    private static async Task<T> StopWhile<T>(Func<CancellationToken, Task> call, Func<Task> waiting) where T : Exception
    {
        using var cts = new CancellationTokenSource();
        var running = call(cts.Token);
        await waiting().WaitAsync(s_hang);
        Assert.False(running.IsCompleted);
        cts.Cancel();
        return await Assert.ThrowsAnyAsync<T>(() => running.WaitAsync(s_hang));
    }

    /// <summary>A scripted step that says when it is reached, then runs <paramref name="step"/>.</summary>
    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Reached(TaskCompletionSource reached, Func<CancellationToken, Task<HttpResponseMessage>> step) =>
        (_, token) =>
        {
            reached.TrySetResult();
            return step(token);
        };

    private static async Task<HttpResponseMessage> Hang(CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    }

    private static Task<HttpResponseMessage> StalledBody(CancellationToken _) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Cancelling_during_a_request_ends_it_promptly_without_a_retry()
    {
        var clock = new TestClock();
        var sent = Signal();
        var fake = new FakeHandler(clock).Then(Reached(sent, Hang));
        using var client = TestClients.With(fake, timeout: TimeSpan.FromSeconds(30), clock: clock);
        await StopWhile<OperationCanceledException>(token => client.GetAuthConfigAsync("ac_x1", token), () => sent.Task);
        Assert.Equal(1, fake.Count);
    }

    [Fact]
    public async Task Cancelling_a_create_is_a_stop_not_an_unknown_outcome()
    {
        var clock = new TestClock();
        var sent = Signal();
        var fake = new FakeHandler(clock).Then(Reached(sent, Hang));
        using var client = TestClients.With(fake, timeout: TimeSpan.FromSeconds(30), clock: clock);
        await StopWhile<OperationCanceledException>(token => client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github" }, token), () => sent.Task);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_ends_it_promptly()
    {
        var clock = new TestClock();
        var fake = new FakeHandler(clock).Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("Retry-After", "30"));
        using var client = TestClients.With(fake, clock: clock);
        await StopWhile<OperationCanceledException>(token => client.GetAuthConfigAsync("ac_x1", token), () => clock.WaitStarted(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, fake.Count);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_counts_against_the_timeout()
    {
        var clock = new TestClock();
        var timeout = TimeSpan.FromMilliseconds(200);
        var answered = Signal();
        var fake = new FakeHandler(clock).Then(Reached(answered, StalledBody));
        using var client = TestClients.With(fake, maxRetries: 0, timeout: timeout, clock: clock);
        var call = client.GetAuthConfigAsync("ac_x1");
        await answered.Task.WaitAsync(s_hang);
        clock.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted); // the headers came, the body stalls: still within the attempt
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<ComposioException>(() => call.WaitAsync(s_hang));
        Assert.Equal("ComposioTimeout", error.ErrorId);
    }

    [Fact]
    public async Task A_stalled_body_stops_promptly_on_cancel_even_with_debug_logging()
    {
        var clock = new TestClock();
        var answered = Signal();
        var fake = new FakeHandler(clock).Then(Reached(answered, StalledBody));
        using var client = TestClients.With(fake, timeout: TimeSpan.FromSeconds(30), clock: clock);
        using (Composio.Client.Logging.ClientLog.Use(new CapturingLog()))
        {
            await StopWhile<OperationCanceledException>(token => client.GetAuthConfigAsync("ac_x1", token), () => answered.Task);
        }
    }

    /// <summary>Gives a few bytes, then blocks a read until the stream is disposed (what aborting a connection does).</summary>
    private sealed class StallingStream : Stream
    {
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _sentSome;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentSome)
            {
                _sentSome = true;
                return Encoding.UTF8.GetBytes("{\"id\":", buffer.Span);
            }
            await _disposed.Task.WaitAsync(cancellationToken);
            throw new IOException("aborted");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            _disposed.TrySetResult();
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
