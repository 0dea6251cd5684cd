using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Tests.Support;
using Xunit;
using static Composio.Client.Tests.Support.Answers;

namespace Composio.Client.Tests;

/// <summary>
/// The shared backoff of one client (ThrottleGate): a 429/503 answered to one request holds back
/// every request of that client, one request goes first after the pause, and a stop still ends a
/// held request promptly. Requests of another client are not held. Waits run on a fake clock:
/// a test moves it when the client is seen waiting, and a request that should not wait must
/// finish while the clock stands still. The storm test alone keeps the wall clock (a server
/// window of 600 ms against eight workers), so the class stays in the timing collection.
/// </summary>
[Collection(TimingCollection.Name)]
public class SharedBackoffTests
{
    public SharedBackoffTests() => Warmup.Once();

    /// <summary>Bounds a step that must finish without the clock moving; only a hang reaches it.</summary>
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20);

    private static HttpResponseMessage Throttled(int status, string header, string value)
    {
        var response = FakeHandler.Respond((HttpStatusCode)status, "{}");
        response.Headers.Add(header, value);
        return response;
    }

    private static bool Holding(string line) => line.StartsWith("Holding GET ", StringComparison.Ordinal);

    [Fact]
    public async Task A_429_to_one_request_holds_back_a_later_request_of_the_same_client()
    {
        var clock = new TestClock();
        var fake = new FakeHandler(clock)
            .Then((_, _) => Task.FromResult(Throttled(429, "retry-after-ms", "400")))
            .Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake, clock: clock);
        var first = client.GetAuthConfigAsync(Id);
        await clock.WaitStarted(TimeSpan.FromMilliseconds(400)); // the 429 reached the retry handler
        var log = new CapturingLog();
        Task<AuthConfig> second;
        using (ClientLog.Use(log))
        {
            second = client.GetAuthConfigAsync(Id);
        }
        await clock.WaitStarted(TimeSpan.FromMilliseconds(400), count: 2); // the second is held for the pause
        Assert.Equal(1, fake.Count);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await Task.WhenAll(first, second).WaitAsync(s_hang);

        Assert.Equal(3, fake.Count);
        // The retry of the first and the first attempt of the second both waited out the pause.
        Assert.All(fake.Attempts.Skip(1), a => Assert.True((a.At - fake.Attempts[0].At).TotalMilliseconds >= 400, $"sent {(a.At - fake.Attempts[0].At).TotalMilliseconds} ms after the 429"));
        Assert.Contains(log.VerboseLines, l => Holding(l) && l.Contains("HTTP 429"));
    }

    [Fact]
    public async Task Another_client_is_not_held_back()
    {
        var clock = new TestClock();
        var throttling = new FakeHandler(clock).Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("Retry-After", "30"));
        var other = new FakeHandler(clock).Then(HttpStatusCode.OK, Found);
        using var throttled = TestClients.With(throttling, clock: clock);
        using var free = TestClients.With(other, clock: clock);
        using var stop = new CancellationTokenSource();
        var held = throttled.GetAuthConfigAsync(Id, stop.Token);
        await clock.WaitStarted(TimeSpan.FromSeconds(30));
        // The pause is 30 s and the clock stands still: only a request that is not held can finish.
        await free.GetAuthConfigAsync(Id).WaitAsync(s_hang);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
    }

    [Fact]
    public async Task After_a_pause_one_request_goes_first_and_the_others_follow_its_answer()
    {
        const int Requests = 4;
        var clock = new TestClock();
        var arrived = 0;
        var firstRound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probeArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerProbe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probeAnswered = false;
        var sentBeforeTheProbesAnswer = new ConcurrentBag<int>();
        var fake = new FakeHandler(clock).Then(async (_, _) =>
        {
            var index = Interlocked.Increment(ref arrived) - 1;
            if (index < Requests)
            {
                // The first round is in flight together, then throttled.
                if (index == Requests - 1)
                {
                    firstRound.TrySetResult();
                }
                await firstRound.Task;
                return Throttled(429, "retry-after-ms", "200");
            }
            if (index == Requests)
            {
                probeArrived.TrySetResult();
                await answerProbe.Task;
                Volatile.Write(ref probeAnswered, true);
            }
            else if (!Volatile.Read(ref probeAnswered))
            {
                sentBeforeTheProbesAnswer.Add(index);
            }
            return FakeHandler.Respond(HttpStatusCode.OK, Found);
        });
        using var client = TestClients.With(fake, clock: clock);
        var log = new CapturingLog();
        Task all;
        using (ClientLog.Use(log))
        {
            all = Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => client.GetAuthConfigAsync(Id)));
        }
        await clock.WaitStarted(TimeSpan.FromMilliseconds(200), count: Requests);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await probeArrived.Task.WaitAsync(s_hang);
        // Every other request is parked behind the one sent first, before its answer comes.
        await log.Said(l => Holding(l) && l.Contains("waiting for the first request after the pause"), Requests - 1);
        answerProbe.TrySetResult();
        await all.WaitAsync(s_hang);

        Assert.Equal(2 * Requests, fake.Count);
        Assert.Empty(sentBeforeTheProbesAnswer);
    }

    [Fact]
    public async Task A_429_storm_costs_no_more_requests_than_workers_times_attempts()
    {
        const int Workers = 8;
        const int Items = 40;
        var clock = Stopwatch.StartNew();
        var throttled = 0;
        // Every request is answered 429 (retry-after-ms 100) for the first 600 ms. Without the
        // shared pause each worker would send one every 100 ms: about 48 in all.
        var fake = new FakeHandler().Then(async (_, token) =>
        {
            if (clock.ElapsedMilliseconds < 600)
            {
                Interlocked.Increment(ref throttled);
                return Throttled(429, "retry-after-ms", "100");
            }
            await Task.Delay(5, token);
            return FakeHandler.Respond(HttpStatusCode.OK, Found);
        });
        using var client = TestClients.With(fake); // 2 retries: 3 attempts
        var items = new ConcurrentQueue<int>(Enumerable.Range(0, Items));
        var done = 0;
        var rateLimited = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (items.TryDequeue(out var _))
            {
                try
                {
                    await client.GetAuthConfigAsync(Id);
                    Interlocked.Increment(ref done);
                }
                catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.RateLimited)
                {
                    Interlocked.Increment(ref rateLimited);
                }
            }
        }));

        Assert.Equal(Items, done + rateLimited);
        Assert.InRange(throttled, 2, Workers * 3);
    }

    [Fact]
    public async Task A_held_request_stops_promptly()
    {
        var clock = new TestClock();
        var fake = new FakeHandler(clock).Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("Retry-After", "30"));
        using var client = TestClients.With(fake, clock: clock);
        using var stopFirst = new CancellationTokenSource();
        var first = client.GetAuthConfigAsync(Id, stopFirst.Token);
        await clock.WaitStarted(TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        var second = client.GetAuthConfigAsync(Id, stop.Token);
        await clock.WaitStarted(TimeSpan.FromSeconds(30), count: 2); // held for the pause
        Assert.False(second.IsCompleted);
        stop.Cancel();
        // Ends without the clock moving: a stop does not wait out the 30 s pause.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(s_hang));
        Assert.Equal(1, fake.Count); // the held request never went out
        stopFirst.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task When_the_first_request_after_a_pause_is_stopped_a_waiting_one_goes_instead()
    {
        var clock = new TestClock();
        var probing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new FakeHandler(clock)
            .Then(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("retry-after-ms", "100"))
            .Then(async (_, token) =>
            {
                probing.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            })
            .Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake, clock: clock);
        using var stopFirst = new CancellationTokenSource();
        var first = client.GetAuthConfigAsync(Id, stopFirst.Token);
        await clock.WaitStarted(TimeSpan.FromMilliseconds(100));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await probing.Task.WaitAsync(s_hang); // the first request's retry is the one sent after the pause, and hangs
        var log = new CapturingLog();
        Task<AuthConfig> second;
        using (ClientLog.Use(log))
        {
            second = client.GetAuthConfigAsync(Id);
        }
        await log.Said(l => Holding(l) && l.Contains("waiting for the first request after the pause"));
        Assert.False(second.IsCompleted); // held: it waits for the answer to the first
        stopFirst.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        // Goes at once: the clock stands still, so the 5 s attempt timeout never comes into it.
        await second.WaitAsync(s_hang);
        Assert.Equal(3, fake.Count);
    }
}
