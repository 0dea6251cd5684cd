using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.Client.Logging;

namespace Composio.Client.Http
{
    /// <summary>
    /// The one place requests are repeated. Each attempt has its own timeout; the caller's token
    /// cancels attempts and waits alike. A failure whose outcome is unclear is never repeated for
    /// a create: it surfaces as <see cref="ComposioErrorKind.OutcomeUnknown"/> instead. Every
    /// attempt first passes the connection's <see cref="ThrottleGate"/>, so a 429/503 seen by one
    /// request holds back the others of the same connection.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly ComposioClientOptions _options;
        private readonly RetryPolicy _policy;
        private readonly ThrottleGate _gate;

        public RetryHandler(ComposioClientOptions options, ThrottleGate gate)
        {
            _options = options;
            _policy = new RetryPolicy(options);
            _gate = gate;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var creates = RequestProperties.Flag(request, RequestProperties.CreatesResource);
            for (var attempt = 0; ; attempt++)
            {
                var probe = await _gate.EnterAsync(request, cancellationToken).ConfigureAwait(false);
                HttpResponseMessage? response = null;
                Exception? failure = null;
                var timedOut = false;
                TimeSpan? pause = null;
                var answered = false;
                try
                {
                    using (var timeout = _options.Time.CreateCancellationTokenSource(_options.Timeout))
                    using (var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
                    {
                        try
                        {
                            response = await base.SendAsync(request, attemptToken.Token).ConfigureAwait(false);
                            // Read the body inside the attempt, so a stalled body counts against its timeout
                            // and a stop interrupts it.
                            await ResponseBuffer.LoadAsync(response, _options.MaxResponseBytes, attemptToken.Token).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (attemptToken.IsCancellationRequested && IsTransportFailure(ex))
                        {
                            response?.Dispose();
                            response = null;
                            // The caller stopped: no retry, no wrapping, and promptly.
                            cancellationToken.ThrowIfCancellationRequested();
                            timedOut = true;
                            failure = ex;
                        }
                        catch (Exception ex) when (IsTransportFailure(ex))
                        {
                            response?.Dispose();
                            response = null;
                            failure = ex;
                        }
                    }
                    if (response != null && ThrottleGate.IsThrottle(response))
                    {
                        // The wait this answer asks of the whole connection; also this request's own retry wait.
                        pause = _policy.Delay(attempt, response);
                    }
                    answered = true;
                }
                finally
                {
                    _gate.Leave(probe, response == null ? 0 : (int)response.StatusCode, pause, answered);
                }

                string reason;
                TimeSpan delay;
                if (response != null)
                {
                    if (MayHaveActed(response))
                    {
                        RequestProperties.Set(request, RequestProperties.EarlierAttemptUnclear, true);
                    }
                    if (attempt >= _policy.MaxRetries || !_policy.IsRetryable(response, creates))
                    {
                        return response;
                    }
                    delay = pause ?? _policy.Delay(attempt, response);
                    reason = $"HTTP {(int)response.StatusCode}";
                    response.Dispose();
                }
                else
                {
                    if (!timedOut && IsTlsFailure(failure))
                    {
                        // The handshake failed, so nothing was sent; a retry would meet the same port.
                        throw TlsFailed(request, failure!);
                    }
                    var refused = IsConnectionRefused(failure);
                    if (!refused)
                    {
                        // The request may have reached the server and been acted on.
                        if (creates)
                        {
                            throw OutcomeUnknown(request, failure!, timedOut);
                        }
                        RequestProperties.Set(request, RequestProperties.EarlierAttemptUnclear, true);
                    }
                    if (attempt >= _policy.MaxRetries)
                    {
                        throw Unreachable(request, failure!, timedOut, refused);
                    }
                    delay = _policy.Backoff(attempt);
                    reason = timedOut ? $"no answer within {_options.Timeout.TotalSeconds:0.#} s" : refused ? "connection refused" : "connection failed";
                }

                ClientLog.Verbose($"Retrying {request.Method} {request.RequestUri?.AbsolutePath} after {reason}; waiting {delay.TotalSeconds:0.0#} s (retry {attempt + 1} of {_policy.MaxRetries}).");
                await _options.Time.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException || ex is HttpRequestException || ex is IOException || ex is ObjectDisposedException;

        /// <summary>
        /// 408 and 5xx other than 503 can come from a gateway after the server acted. A later 404 for
        /// a delete then means the delete was done (see ApiTransport).
        /// </summary>
        private static bool MayHaveActed(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            return status == 408 || (status >= 500 && status != 503);
        }

        private static bool IsConnectionRefused(Exception? ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>An https:// base URI whose port answers something other than TLS (often plain http), or a certificate refused.</summary>
        private static bool IsTlsFailure(Exception? ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is System.Security.Authentication.AuthenticationException)
                {
                    return true;
                }
            }
            return false;
        }

        private static ComposioException TlsFailed(HttpRequestMessage request, Exception failure)
        {
            var host = request.RequestUri?.GetLeftPart(UriPartial.Authority);
            return ApiRequest.WithFacts(request, new ComposioException("ComposioTlsFailed", ComposioErrorKind.Connection,
                $"Could not reach {host}: the server did not answer TLS on that port (or its certificate was refused), so nothing was sent. " +
                $"Check the base URI: https:// needs a TLS server on that port; a server that speaks plain http needs http://. ({failure.GetBaseException().Message})",
                failure));
        }

        private ComposioException OutcomeUnknown(HttpRequestMessage request, Exception failure, bool timedOut)
        {
            var what = timedOut ? $"no answer came within {_options.Timeout.TotalSeconds:0.#} s" : "the connection was lost before the answer arrived";
            return ApiRequest.WithFacts(request, new ComposioException(
                "CreateOutcomeUnknown",
                ComposioErrorKind.OutcomeUnknown,
                $"The create request was sent, but {what}. The auth config may have been created; it was not retried, to avoid a duplicate.",
                failure)
            { MayHaveActed = true });
        }

        private ComposioException Unreachable(HttpRequestMessage request, Exception failure, bool timedOut, bool refused)
        {
            var host = request.RequestUri?.GetLeftPart(UriPartial.Authority);
            var attempts = _policy.MaxRetries + 1;
            return ApiRequest.WithFacts(request, timedOut
                ? new ComposioException("ComposioTimeout", ComposioErrorKind.Timeout,
                    $"No answer from {host} within {_options.Timeout.TotalSeconds:0.#} s ({attempts} attempts).", failure)
                : new ComposioException("ComposioConnectionFailed", refused ? ComposioErrorKind.Connection : ComposioErrorKind.ConnectionLost,
                    $"Could not reach {host}: {(refused ? "connection refused" : failure.Message)} ({attempts} attempts).", failure));
        }
    }
}
