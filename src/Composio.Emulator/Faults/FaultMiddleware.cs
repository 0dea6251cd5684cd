using Composio.Emulator.Errors;
using Composio.Emulator.Requests;

namespace Composio.Emulator.Faults;

/// <summary>
/// Applies the first matching fault rule to an API request. Sits after the request log (so fired
/// faults are logged) and before error handling and auth (so drop_after swallows whatever the
/// handler answered, error or not).
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultStore faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (AdminPaths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }
        var rule = faults.TryFire(context.Request.Method, context.Request.Path.Value ?? "/");
        switch (rule?.Kind)
        {
            case null:
                await next(context);
                break;

            case FaultKind.Status:
                foreach (var (name, value) in rule.Headers)
                {
                    context.Response.Headers[name] = value;
                }
                await ApiError.WriteAsync(context, rule.Status, ApiError.SlugForStatus(rule.Status),
                    $"Injected fault: the emulator answered {rule.Status} without acting on the request.");
                break;

            case FaultKind.Latency:
                try
                {
                    await Task.Delay(rule.DelayMs, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    RequestLog.MarkDropped(context);
                    return;
                }
                await next(context);
                break;

            case FaultKind.DropBefore:
                RequestLog.MarkDropped(context);
                context.Abort();
                break;

            case FaultKind.DropAfter:
                // Let the handler act and answer into a buffer nobody reads, then cut the connection.
                var original = context.Response.Body;
                context.Response.Body = new MemoryStream();
                try
                {
                    await next(context);
                }
                finally
                {
                    RequestLog.MarkDropped(context);
                    context.Abort();
                    context.Response.Body = original;
                }
                break;
        }
    }
}
