using Composio.Emulator.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Composio.Emulator.Requests;

/// <summary>
/// Outermost middleware: gives every request its id and records API requests in the log.
/// The status is captured in OnStarting, i.e. before the client can see the response, so a test
/// that reads the log right after a call always finds the status there.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestId.Get(context);
        context.Response.Headers["x-request-id"] = requestId;
        if (AdminPaths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new(name.ToLowerInvariant(), values.ToString()));
        }
        var entry = new RequestLog.Entry
        {
            Method = request.Method,
            Path = RawPath(context),
            Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            Headers = headers,
            BodyText = await RequestBody.ReadTextAsync(context),
        };
        log.Add(entry);
        context.Response.OnStarting(() =>
        {
            if (!RequestLog.IsDropped(context))
            {
                log.SetStatus(entry, context.Response.StatusCode);
            }
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>
    /// The path exactly as sent (still percent-encoded), so tests can check how a client escaped
    /// ids; Request.Path would show it decoded.
    /// </summary>
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return context.Request.Path.Value ?? "/";
        }
        var query = raw.IndexOf('?');
        return query < 0 ? raw : raw[..query];
    }
}
