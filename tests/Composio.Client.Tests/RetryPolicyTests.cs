using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Composio.Client.Http;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>When to retry and how long to wait, decided without any HTTP.</summary>
public class RetryPolicyTests
{
    private static readonly RetryPolicy s_policy = new(new ComposioClientOptions
    {
        InitialBackoff = TimeSpan.FromMilliseconds(500),
        MaxBackoff = TimeSpan.FromSeconds(8),
    });

    private static HttpResponseMessage Answer(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    [Theory]
    [MemberData(nameof(Answers.Retryable), MemberType = typeof(Answers))]
    public void Retries_these_statuses_for_requests_that_create_nothing(int status) =>
        Assert.True(s_policy.IsRetryable(Answer(status), createsResource: false));

    [Theory]
    [MemberData(nameof(Answers.NotRetryable), MemberType = typeof(Answers))]
    public void Does_not_retry_client_errors(int status) =>
        Assert.False(s_policy.IsRetryable(Answer(status), createsResource: false));

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(408, false)]
    [InlineData(409, false)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(504, false)]
    public void Retries_a_create_only_when_the_server_surely_did_not_act(int status, bool retried) =>
        Assert.Equal(retried, s_policy.IsRetryable(Answer(status), createsResource: true));

    [Fact]
    public void X_should_retry_false_wins_over_a_retryable_status()
    {
        Assert.False(s_policy.IsRetryable(Answer(503, ("x-should-retry", "false")), false));
        Assert.False(s_policy.IsRetryable(Answer(429, ("x-should-retry", "false")), true));
    }

    [Fact]
    public void X_should_retry_true_makes_any_status_retryable_except_for_a_create()
    {
        Assert.True(s_policy.IsRetryable(Answer(400, ("x-should-retry", "true")), false));
        Assert.False(s_policy.IsRetryable(Answer(500, ("x-should-retry", "true")), true));
    }

    [Fact]
    public void Backoff_doubles_from_half_a_second_up_to_eight_seconds_minus_up_to_a_quarter_of_jitter()
    {
        double[] nominal = { 500, 1000, 2000, 4000, 8000, 8000, 8000 };
        for (var retry = 0; retry < nominal.Length; retry++)
        {
            for (var i = 0; i < 50; i++)
            {
                var ms = s_policy.Backoff(retry).TotalMilliseconds;
                Assert.InRange(ms, nominal[retry] * 0.75, nominal[retry]);
            }
        }
    }

    [Fact]
    public void Backoff_is_jittered()
    {
        var values = Enumerable.Range(0, 20).Select(_ => s_policy.Backoff(1)).Distinct().Count();
        Assert.True(values > 1);
    }

    [Theory]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("retry-after-ms", "0", 0)]
    [InlineData("Retry-After", "3", 3000)]
    [InlineData("Retry-After", "0", 0)]
    [InlineData("Retry-After", "60", 60000)]
    public void Honours_the_servers_wait(string header, string value, double expectedMs) =>
        Assert.Equal(expectedMs, s_policy.Delay(0, Answer(429, (header, value))).TotalMilliseconds);

    [Fact]
    public void Retry_after_ms_comes_before_Retry_After() =>
        Assert.Equal(120, s_policy.Delay(0, Answer(429, ("retry-after-ms", "120"), ("Retry-After", "9"))).TotalMilliseconds);

    [Fact]
    public void Honours_Retry_After_as_an_http_date()
    {
        var response = Answer(503);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(5));
        // HTTP dates have whole seconds: the wait is 4..5 s.
        Assert.InRange(s_policy.Delay(0, response).TotalSeconds, 3.9, 5.01);
    }

    [Fact]
    public void A_date_in_the_past_means_now()
    {
        var response = Answer(503);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(TimeSpan.Zero, s_policy.Delay(0, response));
    }

    [Theory]
    [InlineData("Retry-After", "61")]
    [InlineData("Retry-After", "3600")]
    [InlineData("retry-after-ms", "60001")]
    [InlineData("retry-after-ms", "-5")]
    [InlineData("retry-after-ms", "soon")]
    [InlineData("Retry-After", "later")]
    public void Ignores_waits_outside_0_to_60_s_and_nonsense_and_falls_back_to_backoff(string header, string value)
    {
        var delay = s_policy.Delay(0, Answer(429, (header, value)));
        Assert.InRange(delay.TotalMilliseconds, 375, 500);
    }

    [Fact]
    public void A_date_beyond_60_s_falls_back_to_backoff()
    {
        var response = Answer(503);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.InRange(s_policy.Delay(1, response).TotalMilliseconds, 750, 1000);
    }

    [Fact]
    public void Negative_MaxRetries_means_none() =>
        Assert.Equal(0, new RetryPolicy(new ComposioClientOptions { MaxRetries = -3 }).MaxRetries);
}
