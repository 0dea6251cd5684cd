using Composio.Emulator.Errors;
using Composio.Emulator.Options;
using Composio.Emulator.Requests;

namespace Composio.Emulator.Auth;

/// <summary>
/// x-api-key must be one of the configured keys. Sending a bearer token as well is two credential
/// modes at once, which the service rejects with 401 too.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, EmulatorOptions options)
{
    private const string Fix = "Send exactly one credential: the project API key in the x-api-key header.";

    public Task InvokeAsync(HttpContext context)
    {
        if (AdminPaths.IsAdmin(context.Request.Path))
        {
            return next(context);
        }
        var headers = context.Request.Headers;
        var key = headers["x-api-key"].ToString();
        var hasBearer = headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase);
        if (key.Length > 0 && hasBearer)
        {
            return Reject(context, "Both an API key and a bearer token were sent; use exactly one authentication method.");
        }
        if (key.Length == 0)
        {
            return Reject(context, "API key is missing: send it in the x-api-key header.");
        }
        if (!options.ApiKeys.Contains(key))
        {
            return Reject(context, "Invalid API key.");
        }
        return next(context);
    }

    private static Task Reject(HttpContext context, string message) =>
        ApiError.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiError.Slugs.Unauthorized, message, Fix);
}
