
namespace Composio.Emulator.Errors;

/// <summary>
/// Converts exceptions into the Composio error body so every failure, including framework ones
/// such as an oversized body, has the shape clients parse.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await ApiError.WriteAsync(context, ex);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ApiError.WriteAsync(context, ex.StatusCode, ApiError.SlugForStatus(ex.StatusCode), ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await ApiError.WriteAsync(context, 500, ApiError.Slugs.InternalServerError, "Internal server error: " + ex.Message);
        }
    }
}
