using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Composio.Client.Http
{
    /// <summary>When to try again and how long to wait: the official SDKs' rules, minus their duplicate creates.</summary>
    internal sealed class RetryPolicy
    {
        private static readonly TimeSpan s_maxServerDelay = TimeSpan.FromSeconds(60);
        private readonly ComposioClientOptions _options;
        private readonly Random _random = new Random();

        public RetryPolicy(ComposioClientOptions options) => _options = options;

        public int MaxRetries => Math.Max(0, _options.MaxRetries);

        /// <summary>Whether an answer with this status may be retried. A create only when the server surely did not act.</summary>
        public bool IsRetryable(HttpResponseMessage response, bool createsResource)
        {
            var shouldRetry = Header(response, "x-should-retry");
            if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            var status = (int)response.StatusCode;
            if (createsResource)
            {
                // 429 and 503 are refusals before acting; anything else might have created the config.
                return status == 429 || status == 503;
            }
            if (string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }

        /// <summary>
        /// The wait before retry number <paramref name="retry"/> (0-based): the server's
        /// retry-after-ms or Retry-After when given and within 0..60 s, else capped exponential
        /// backoff minus up to 25% jitter. A longer server wait is ignored, as the official SDKs do:
        /// holding a script for minutes is worse than two quick tries and a clear error.
        /// </summary>
        public TimeSpan Delay(int retry, HttpResponseMessage? response)
        {
            var fromServer = response == null ? null : ServerDelay(response);
            if (fromServer.HasValue && fromServer.Value >= TimeSpan.Zero && fromServer.Value <= s_maxServerDelay)
            {
                return fromServer.Value;
            }
            return Backoff(retry);
        }

        public TimeSpan Backoff(int retry)
        {
            var exponential = _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, retry);
            var capped = Math.Min(exponential, _options.MaxBackoff.TotalMilliseconds);
            double jitter;
            lock (_random)
            {
                jitter = 1 - (_random.NextDouble() * 0.25);
            }
            // Whole milliseconds: Task.Delay counts no finer, and the shared pause must end when this wait does.
            return TimeSpan.FromMilliseconds(Math.Round(capped * jitter));
        }

        /// <summary>retry-after-ms first (the SDKs' own header), then Retry-After in seconds or as an HTTP date.</summary>
        private TimeSpan? ServerDelay(HttpResponseMessage response)
        {
            var ms = Header(response, "retry-after-ms");
            if (ms != null && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis)
                && millis >= 0 && millis <= s_maxServerDelay.TotalMilliseconds)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta != null)
            {
                return retryAfter.Delta.Value;
            }
            if (retryAfter?.Date != null)
            {
                // A date in the past means "now".
                var wait = retryAfter.Date.Value - _options.Time.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
