using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Logging;
using Composio.Client.Redaction;

namespace Composio.Client.Http
{
    /// <summary>
    /// Innermost handler: one Debug line per attempt going out and one per answer, with method,
    /// URL, status, timing and redacted bodies. Headers are never logged (the key is one).
    /// </summary>
    internal sealed class DebugLoggingHandler : DelegatingHandler
    {
        private readonly long _maxResponseBytes;

        public DebugLoggingHandler(long maxResponseBytes) => _maxResponseBytes = maxResponseBytes;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = ClientLog.Current;
            if (log == null || !log.DebugEnabled)
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            // Bodies are redacted by field; the request's own secret values are also masked wherever
            // the server echoes them (in an error message, say).
            var secrets = RequestProperties.Get<SecretValues>(request, RequestProperties.Secrets);
            string Safe(string text) => secrets?.Mask(text) ?? text;
            var sent = request.Content == null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            log.Debug(Safe($"HTTP {request.Method} {request.RequestUri}" + (sent == null ? string.Empty : $" body {BodyRedactor.Redact(sent)}")));
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                // Buffered with the attempt's token, so Debug output never makes a stalled body unstoppable.
                await ResponseBuffer.LoadAsync(response, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
                var received = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug(Safe($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {request.Method} {request.RequestUri} in {clock.ElapsedMilliseconds} ms; body {BodyRedactor.Redact(received)}"));
                return response;
            }
            catch (System.Exception ex)
            {
                log.Debug($"HTTP {request.Method} {request.RequestUri} failed after {clock.ElapsedMilliseconds} ms: {ex.GetType().Name}");
                throw;
            }
        }
    }
}
