using System.Net;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;
using static Composio.Client.Tests.Support.Answers;

namespace Composio.Client.Tests;

/// <summary>The retry handler against a scripted primary handler: exact attempt counts and waits.</summary>
public class RetryHandlerTests
{
    /// <summary>Bounds a step that must finish once the clock has moved; only a hang reaches it.</summary>
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20);

    private static CreateAuthConfigRequest Create() => new() { Toolkit = "github", Name = "chaos-1" };

    [Theory]
    [MemberData(nameof(Answers.Retryable), MemberType = typeof(Answers))]
    public async Task A_get_is_retried_after_each_retryable_status(int status)
    {
        var fake = new FakeHandler().Then((HttpStatusCode)status).Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake);
        var config = await client.GetAuthConfigAsync(Id);
        Assert.Equal(Id, config.Id);
        Assert.Equal(2, fake.Count);
    }

    [Fact]
    public async Task Gives_up_after_two_retries_by_default_with_the_last_answer()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.BadGateway);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        Assert.Equal(3, fake.Count);
        Assert.Equal("ComposioServerError", error.ErrorId);
        Assert.Equal(502, error.StatusCode);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(5, 6)]
    public async Task MaxRetries_sets_the_number_of_attempts(int maxRetries, int attempts)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable);
        using var client = TestClients.With(fake, maxRetries);
        await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        Assert.Equal(attempts, fake.Count);
    }

    [Theory]
    [MemberData(nameof(Answers.NotRetryable), MemberType = typeof(Answers))]
    public async Task Client_errors_are_not_retried(int status)
    {
        var fake = new FakeHandler().Then((HttpStatusCode)status, "{\"error\":{\"message\":\"no\"}}");
        using var client = TestClients.With(fake);
        await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        Assert.Equal(1, fake.Count);
    }

    [Fact]
    public async Task X_should_retry_false_stops_retries_and_true_starts_them()
    {
        var noRetry = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("x-should-retry", "false"));
        using (var client = TestClients.With(noRetry))
        {
            await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        }
        Assert.Equal(1, noRetry.Count);

        var retry = new FakeHandler().Then(HttpStatusCode.BadRequest, "{}", r => r.Headers.Add("x-should-retry", "true")).Then(HttpStatusCode.OK, Found);
        using (var client = TestClients.With(retry))
        {
            await client.GetAuthConfigAsync(Id);
        }
        Assert.Equal(2, retry.Count);
    }

    /// <summary>The wait before the retry, on a fake clock: nothing is sent a moment before it ends, the retry goes when it does.</summary>
    private static async Task<TimeSpan> WaitBeforeTheRetry(Action<HttpResponseMessage> throttle, Func<TimeSpan, bool> isTheWait)
    {
        var clock = new TestClock();
        var fake = new FakeHandler(clock)
            .Then(HttpStatusCode.TooManyRequests, "{}", throttle)
            .Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake, clock: clock);
        var call = client.GetAuthConfigAsync(Id);
        var wait = await clock.TimerStarted(isTheWait);
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fake.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(s_hang);
        Assert.Equal(2, fake.Count);
        return fake.Attempts[1].At - fake.Attempts[0].At;
    }

    [Theory]
    [InlineData("retry-after-ms", "300", 300)]
    [InlineData("Retry-After", "1", 1000)]
    public async Task Waits_what_the_server_says(string header, string value, int milliseconds)
    {
        var wait = TimeSpan.FromMilliseconds(milliseconds);
        Assert.Equal(wait, await WaitBeforeTheRetry(r => r.Headers.Add(header, value), due => due == wait));
    }

    [Fact]
    public async Task A_Retry_After_beyond_60_s_is_not_obeyed_the_backoff_is_used()
    {
        // The backoff (20 ms less jitter here), not the hour asked; attempt timeouts are 5 s.
        var gap = await WaitBeforeTheRetry(r => r.Headers.Add("Retry-After", "3600"), due => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(1));
        Assert.InRange(gap.TotalMilliseconds, 10, 1500);
    }

    [Fact]
    public async Task Each_retry_is_announced_in_verbose()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, Found);
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        using (ClientLog.Use(log))
        {
            await client.GetAuthConfigAsync(Id);
        }
        var retries = log.VerboseLines.Where(l => l.StartsWith("Retrying GET")).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("HTTP 503", retries[0]);
        Assert.Contains("retry 1 of 2", retries[0]);
        Assert.Contains("HTTP 500", retries[1]);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(409)]
    public async Task A_create_is_not_retried_after_an_answer_that_may_mean_it_acted(int status)
    {
        var fake = new FakeHandler().Then((HttpStatusCode)status, "{\"error\":{\"message\":\"boom\"}}");
        using var client = TestClients.With(fake);
        await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create()));
        Assert.Equal(1, fake.Count);
    }

    [Fact]
    public async Task A_create_after_a_gateway_error_reports_that_it_may_have_acted()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.BadGateway, "<html>bad gateway</html>", mediaType: "text/html");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create()));
        Assert.True(error.MayHaveActed);
        Assert.Equal(("chaos-1", "POST"), (error.Name, error.Method));
        Assert.Null(error.RecommendedAction);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_is_retried_after_a_refusal(int status)
    {
        var fake = new FakeHandler().Then((HttpStatusCode)status).Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake);
        var config = await client.CreateAuthConfigAsync(Create());
        Assert.Equal("ac_new1", config.Id);
        Assert.Equal(2, fake.Count);
    }

    [Fact]
    public async Task A_create_is_retried_after_connection_refused()
    {
        var fake = new FakeHandler().ThenRefused().ThenRefused().Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake);
        await client.CreateAuthConfigAsync(Create());
        Assert.Equal(3, fake.Count);
    }

    [Fact]
    public async Task A_create_whose_connection_dropped_is_not_retried_and_says_it_may_exist()
    {
        var fake = new FakeHandler().ThenDropped().Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create()));
        Assert.Equal(1, fake.Count);
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Equal(ComposioErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("may have been created", error.Message);
        Assert.True(error.MayHaveActed);
        Assert.Equal("chaos-1", error.Target);
        Assert.Equal("chaos-1", error.Name);
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_retried_and_says_it_may_exist()
    {
        var clock = new TestClock();
        var timeout = TimeSpan.FromMilliseconds(200);
        var fake = new FakeHandler(clock).ThenHang().Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake, timeout: timeout, clock: clock);
        var call = client.CreateAuthConfigAsync(Create());
        await clock.WaitStarted(timeout); // the attempt's timeout runs
        clock.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<ComposioException>(() => call.WaitAsync(s_hang));
        Assert.Equal(1, fake.Count);
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Contains("no answer came within", error.Message);
    }

    [Fact]
    public async Task A_get_that_times_out_is_retried_then_reported_as_a_timeout()
    {
        var fake = new FakeHandler().ThenHang();
        using var client = TestClients.With(fake, timeout: TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        Assert.Equal(3, fake.Count);
        Assert.Equal("ComposioTimeout", error.ErrorId);
        Assert.Equal(ComposioErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task A_get_whose_connection_keeps_dropping_ends_as_a_connection_error()
    {
        var fake = new FakeHandler().ThenDropped();
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(Id));
        Assert.Equal(3, fake.Count);
        Assert.Equal("ComposioConnectionFailed", error.ErrorId);
    }

    [Fact]
    public async Task A_delete_that_finds_404_after_a_lost_answer_is_done()
    {
        var fake = new FakeHandler().ThenDropped().Then(HttpStatusCode.NotFound, "{\"error\":{\"message\":\"not found\"}}");
        using var client = TestClients.With(fake);
        await client.DeleteAuthConfigAsync(Id);
        Assert.Equal(2, fake.Count);
    }

    [Fact]
    public async Task A_delete_that_finds_404_after_a_gateway_timeout_is_done()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.GatewayTimeout).Then(HttpStatusCode.NotFound, "{}");
        using var client = TestClients.With(fake);
        await client.DeleteAuthConfigAsync(Id);
        Assert.Equal(2, fake.Count);
    }

    [Fact]
    public async Task A_delete_that_finds_404_after_a_refusal_is_not_found()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.NotFound, "{}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.DeleteAuthConfigAsync(Id));
        Assert.Equal("ComposioNotFound", error.ErrorId);
    }

    [Fact]
    public async Task A_delete_that_fails_after_a_lost_answer_says_it_may_have_happened()
    {
        var fake = new FakeHandler().ThenDropped().Then(HttpStatusCode.InternalServerError);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.DeleteAuthConfigAsync(Id));
        Assert.Equal(3, fake.Count);
        Assert.Equal("ComposioServerError", error.ErrorId);
        Assert.True(error.MayHaveActed);
        Assert.Equal((Id, "DELETE"), (error.Target, error.Method));

        var unreachable = new FakeHandler().ThenDropped();
        using var again = TestClients.With(unreachable);
        error = await Assert.ThrowsAsync<ComposioException>(() => again.DeleteAuthConfigAsync(Id));
        Assert.Equal("ComposioConnectionFailed", error.ErrorId);
        Assert.True(error.MayHaveActed);
    }

    [Fact]
    public async Task A_plain_404_on_delete_is_not_found()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.NotFound, "{}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.DeleteAuthConfigAsync(Id));
        Assert.Equal(ComposioErrorKind.NotFound, error.Kind);
        Assert.Equal(Id, error.Target);
    }

    [Fact]
    public async Task A_delete_answered_with_an_empty_body_is_done()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.NoContent, null);
        using var client = TestClients.With(fake);
        Assert.Null(await client.DeleteAuthConfigAsync(Id));
    }
}
