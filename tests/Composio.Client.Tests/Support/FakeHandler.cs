using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace Composio.Client.Tests.Support;

/// <summary>
/// A scripted primary handler: answers each attempt with the next step (the last step repeats) and
/// records what reached it and when, for exact count and timing assertions.
/// </summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;
    private readonly TimeProvider _clock;
    private readonly long _start;

    /// <param name="clock">Stamps each attempt's <see cref="Attempt.At"/>; give the client's fake clock to assert waits exactly.</param>
    public FakeHandler(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _start = _clock.GetTimestamp();
    }

    public List<Attempt> Attempts { get; } = new();

    public int Count => Attempts.Count;

    public FakeHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public FakeHandler Then(HttpStatusCode status, string? json = "{}", Action<HttpResponseMessage>? headers = null, string mediaType = "application/json") =>
        Then((_, _) =>
        {
            var response = Respond(status, json, mediaType);
            headers?.Invoke(response);
            return Task.FromResult(response);
        });

    public FakeHandler ThenThrow(Func<Exception> failure) => Then((_, _) => Task.FromException<HttpResponseMessage>(failure()));

    /// <summary>Connection refused before anything was sent.</summary>
    public FakeHandler ThenRefused() => ThenThrow(() => new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

    /// <summary>The connection dropped after the request went out.</summary>
    public FakeHandler ThenDropped() => ThenThrow(() => new HttpRequestException("The response ended prematurely.", new IOException("connection reset")));

    /// <summary>Never answers until the token (the attempt's timeout or the caller) cancels it.</summary>
    public FakeHandler ThenHang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    public static HttpResponseMessage Respond(HttpStatusCode status, string? body, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status);
        if (body != null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        // Locked: concurrent requests (shared-backoff tests) each take their own step.
        lock (Attempts)
        {
            Attempts.Add(new Attempt(_clock.GetElapsedTime(_start), request.Method.Method, request.RequestUri!, body,
                request.Headers.TryGetValues("x-api-key", out var key) ? key.First() : null));
            step = _steps.Count > 0 ? _last = _steps.Dequeue() : _last ?? throw new InvalidOperationException("No step scripted.");
        }
        var response = await step(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public sealed record Attempt(TimeSpan At, string Method, Uri Uri, string? Body, string? ApiKey);
}
