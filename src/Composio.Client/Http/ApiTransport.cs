using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.Client.Json;
using Composio.Client.Logging;
using Composio.Client.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace Composio.Client.Http
{
    /// <summary>
    /// Sends <see cref="ApiRequest"/>s and turns answers into typed values or <see cref="ComposioException"/>s.
    /// The handler chain (retry → debug log → sockets) comes from IHttpClientFactory.
    /// </summary>
    internal sealed class ApiTransport : IDisposable
    {
        private const string ClientName = "composio";
        private readonly ComposioClientOptions _options;
        /// <summary>
        /// Handlers older than this are replaced for new requests (the old ones finish what they
        /// carry). A session can run for days: on Windows PowerShell, HttpClientHandler keeps
        /// pooled connections forever and so never sees a DNS change; rotating the handler is
        /// what IHttpClientFactory is for.
        /// </summary>
        internal static readonly TimeSpan HandlerLifetime = TimeSpan.FromMinutes(5);

        /// <summary>
        /// The factory and its container, built at the first request rather than at Connect:
        /// `Connect-Composio -SkipCheck` and a connection that never sends pay nothing for them.
        /// </summary>
        private readonly Lazy<ServiceProvider> _services;
        private readonly string _prefix;
        /// <summary>Shared by every handler the factory makes (rotation included): one pause per connection.</summary>
        private readonly ThrottleGate _gate;

        public ApiTransport(ComposioClientOptions options, HttpMessageHandler? primaryHandler = null)
        {
            _options = options;
            _gate = new ThrottleGate(options.Time);
            var proxy = ProxyPolicy.FromEnvironment();
            if (primaryHandler == null)
            {
                proxy.Check(options);
            }
            _services = new Lazy<ServiceProvider>(() => BuildServices(options, primaryHandler, proxy), LazyThreadSafetyMode.ExecutionAndPublication);
            _prefix = options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/api/" + options.ApiVersion + "/";
        }

        /// <summary>One factory per connection: its handlers, retry state and settings belong to one project.</summary>
        private ServiceProvider BuildServices(ComposioClientOptions options, HttpMessageHandler? primaryHandler, IWebProxy? proxy)
        {
            var services = new ServiceCollection();
            var builder = services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
                .AddHttpMessageHandler(() => new RetryHandler(options, _gate))
                .AddHttpMessageHandler(() => new DebugLoggingHandler(options.MaxResponseBytes))
                .SetHandlerLifetime(HandlerLifetime)
                // The factory's own logging handlers would run on every request for a logger
                // nobody reads; our Debug lines come from DebugLoggingHandler.
                .RemoveAllLoggers();
            // Redirects are not followed: .NET drops Authorization on a cross-host redirect but keeps
            // custom headers, so following one would hand the key header to whatever host it names.
            builder.ConfigurePrimaryHttpMessageHandler(() => primaryHandler ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, Proxy = proxy, UseProxy = true });
            return services.BuildServiceProvider();
        }

        /// <summary>Sends and deserializes the answer.</summary>
        public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken)
        {
            var (body, mediaType) = await SendForBodyAsync(request, cancellationToken).ConfigureAwait(false);
            return Read<T>(body, mediaType, request);
        }

        /// <summary>Sends and returns the body of a 2xx answer as it came, whatever its type.</summary>
        public async Task<(string Body, string? MediaType)> SendForBodyAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(_prefix + request.Path + request.Query));
            message.Headers.TryAddWithoutValidation(_options.CredentialHeader, _options.Credential);
            message.Headers.TryAddWithoutValidation("accept", "application/json");
            message.Headers.TryAddWithoutValidation("user-agent", _options.UserAgent);
            // .NET Framework would send "Expect: 100-continue" with every body and wait for the
            // answer (ServicePointManager's default); .NET never does. Said here, so both behave alike.
            message.Headers.ExpectContinue = false;
            if (request.Body != null)
            {
                message.Content = new StringContent(request.Body.ToJsonString(ComposioJson.Options), Encoding.UTF8, "application/json");
            }
            RequestProperties.Set(message, RequestProperties.CreatesResource, request.CreatesResource);
            var secrets = SecretValues.Of(_options.Credential, request.Body);
            RequestProperties.Set(message, RequestProperties.Secrets, secrets);
            RequestProperties.Set(message, RequestProperties.Request, request);

            HttpResponseMessage response;
            try
            {
                // A client from the factory per request is cheap, and picks up a fresh handler once the old one expires.
                // The factory is looked up here, not kept in a field: a field of its type makes the runtime load
                // Microsoft.Extensions.Http when the connection is made (Module.Tests checks -SkipCheck loads none).
                response = await _services.Value.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // The caller's own stop: the cmdlet turns it into a pipeline stop.
            }
            catch (ComposioException ex)
            {
                ApiRequest.WithFacts(message, ex);
                throw; // Keeps the retry handler's stack.
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // The retry handler reports what it can judge; anything that slips past it still
                // reaches the caller as a ComposioException, never as a raw transport exception.
                throw ApiRequest.WithFacts(message, new ComposioException("ComposioConnectionFailed", ComposioErrorKind.Connection,
                    $"Could not reach {_options.BaseUri.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex));
            }

            using (response)
            {
                var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var mediaType = response.Content?.Headers.ContentType?.MediaType;
                if (!response.IsSuccessStatusCode)
                {
                    // A delete whose earlier attempt may have acted: 404 now means it is gone, which is what was asked.
                    if (response.StatusCode == HttpStatusCode.NotFound && request.Method == HttpMethod.Delete
                        && RequestProperties.Flag(message, RequestProperties.EarlierAttemptUnclear))
                    {
                        ClientLog.Verbose($"{request.Method} /{request.Path}: 404 after an attempt whose answer was lost; it was deleted then.");
                        return ("{}", "application/json");
                    }
                    throw ApiRequest.WithFacts(message, ErrorBodyReader.FromResponse(response.StatusCode, mediaType, body, request.Target, secrets));
                }
                return (body, mediaType);
            }
        }

        private static T Read<T>(string body, string? mediaType, ApiRequest request)
        {
            if (mediaType == null || mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw InvalidResponse(request, $"a {(mediaType ?? "untyped")} body where JSON was expected");
            }
            T? value;
            using (var problems = ReadProblems.Begin())
            {
                try
                {
                    value = JsonSerializer.Deserialize<T>(body, ComposioJson.ReadOptions);
                }
                catch (JsonException)
                {
                    throw InvalidResponse(request, "a body that is not valid JSON of the expected shape");
                }
                request.Unreadable = problems.Items;
            }
            if (request.Unreadable.Count > 0)
            {
                ClientLog.Verbose($"{request.Method} /{request.Path}: {UnreadableValues.Summary(request.Unreadable)}");
            }
            return value ?? throw InvalidResponse(request, "an empty JSON value");
        }

        private static ComposioException InvalidResponse(ApiRequest request, string what) =>
            request.WithFacts(new ComposioException("ComposioInvalidResponse", ComposioErrorKind.InvalidResponse,
                $"The Composio API answered {request.Method} /{request.Path} with {what}."));

        public void Dispose()
        {
            if (_services.IsValueCreated)
            {
                _services.Value.Dispose();
            }
        }
    }
}
