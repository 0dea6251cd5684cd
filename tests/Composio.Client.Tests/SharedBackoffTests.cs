using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// The shared backoff of one client (ThrottleGate): a 429/503 answered to one request holds back
/// every request of that client, one request goes first after the pause, and a stop still ends a
/// held request promptly. Requests of another client are not held.
/// </summary>
[Collection(TimingCollection.Name)]
public class SharedBackoffTests
{
    private const string Id = "ac_abc123XYZ";
    private const string Found = "{\"id\":\"ac_abc123XYZ\",\"name\":\"n\",\"toolkit\":{\"slug\":\"github\"}}";

    public SharedBackoffTests() => Warmup.Once();

    private static HttpResponseMessage Throttled(int status, string header, string value)
    {
        var response = FakeHandler.Respond((HttpStatusCode)status, "{}");
        response.Headers.Add(header, value);
        return response;
    }

    [Fact]
    public async Task A_429_to_one_request_holds_back_a_later_request_of_the_same_client()
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new FakeHandler()
            .Then((_, _) =>
            {
                answered.TrySetResult();
                return Task.FromResult(Throttled(429, "retry-after-ms", "400"));
            })
            .Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake);
        var first = client.GetAuthConfigAsync(Id);
        await answered.Task;
        await Task.Delay(50); // the 429 reaches the retry handler
        var log = new CapturingLog();
        Task<AuthConfig> second;
        using (ClientLog.Use(log))
        {
            second = client.GetAuthConfigAsync(Id);
        }
        await Task.WhenAll(first, second);

        Assert.Equal(3, fake.Count);
        // The retry of the first and the first attempt of the second both waited out the pause.
        Assert.All(fake.Attempts.Skip(1), a => Assert.True((a.At - fake.Attempts[0].At).TotalMilliseconds >= 390, $"sent {(a.At - fake.Attempts[0].At).TotalMilliseconds} ms after the 429"));
        Assert.Contains(log.VerboseLines, l => l.StartsWith("Holding GET ", StringComparison.Ordinal) && l.Contains("HTTP 429"));
    }

    [Fact]
    public async Task Another_client_is_not_held_back()
    {
        var throttling = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("Retry-After", "30"));
        var other = new FakeHandler().Then(HttpStatusCode.OK, Found);
        using var throttled = TestClients.With(throttling);
        using var free = TestClients.With(other);
        using var stop = new CancellationTokenSource();
        var held = throttled.GetAuthConfigAsync(Id, stop.Token);
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        await free.GetAuthConfigAsync(Id);
        Assert.InRange(clock.ElapsedMilliseconds, 0, 1000); // the pause is 30 s
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
    }

    [Fact]
    public async Task After_a_pause_one_request_goes_first_and_the_others_follow_its_answer()
    {
        const int Requests = 4;
        var spans = new List<(TimeSpan Start, TimeSpan End)>();
        var clock = Stopwatch.StartNew();
        var fake = new FakeHandler().Then(async (_, token) =>
        {
            int index;
            lock (spans)
            {
                index = spans.Count;
                spans.Add((clock.Elapsed, TimeSpan.Zero));
            }
            // The first round is in flight together, then throttled.
            await Task.Delay(index < Requests ? 50 : 100, token);
            lock (spans)
            {
                spans[index] = (spans[index].Start, clock.Elapsed);
            }
            return index < Requests ? Throttled(429, "retry-after-ms", "200") : FakeHandler.Respond(HttpStatusCode.OK, Found);
        });
        using var client = TestClients.With(fake);
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => client.GetAuthConfigAsync(Id)));

        Assert.Equal(2 * Requests, spans.Count);
        var probe = spans[Requests];
        foreach (var later in spans.Skip(Requests + 1))
        {
            Assert.True(later.Start >= probe.End, $"a request started at {later.Start.TotalMilliseconds} ms, before the first one after the pause was answered ({probe.End.TotalMilliseconds} ms)");
        }
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
        var fake = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("Retry-After", "30"));
        using var client = TestClients.With(fake);
        using var stopFirst = new CancellationTokenSource();
        var first = client.GetAuthConfigAsync(Id, stopFirst.Token);
        await Task.Delay(100);
        using var stop = new CancellationTokenSource(200);
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAuthConfigAsync(Id, stop.Token));
        Assert.InRange(clock.ElapsedMilliseconds, 150, 200 + 300);
        Assert.Equal(1, fake.Count); // the held request never went out
        stopFirst.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task When_the_first_request_after_a_pause_is_stopped_a_waiting_one_goes_instead()
    {
        var probing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new FakeHandler()
            .Then(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("retry-after-ms", "100"))
            .Then(async (_, token) =>
            {
                probing.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            })
            .Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake);
        using var stopFirst = new CancellationTokenSource();
        var first = client.GetAuthConfigAsync(Id, stopFirst.Token);
        await probing.Task; // the first request's retry is the one sent after the pause, and hangs
        var second = client.GetAuthConfigAsync(Id);
        await Task.Delay(100);
        Assert.False(second.IsCompleted); // held: it waits for the answer to the first
        stopFirst.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var clock = Stopwatch.StartNew();
        await second;
        Assert.InRange(clock.ElapsedMilliseconds, 0, 1000); // not the 5 s attempt timeout
        Assert.Equal(3, fake.Count);
    }
}
