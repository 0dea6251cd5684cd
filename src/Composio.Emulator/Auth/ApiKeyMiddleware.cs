using System.Text.RegularExpressions;
using Composio.Emulator.Errors;
using Composio.Emulator.Options;
using Composio.Emulator.Requests;

namespace Composio.Emulator.Auth;

/// <summary>
/// Exactly one credential per request: the project key (x-api-key), or a user's key
/// (x-user-api-key) where the spec's operation accepts UserApiKeyAuth (every auth-config
/// operation, toolkit list and retrieve). Two modes at once (either key with the other, or with a
/// bearer token) is a 401, as on the service.
/// </summary>
public sealed partial class ApiKeyMiddleware(RequestDelegate next, EmulatorOptions options)
{
    private const string Fix = "Send exactly one credential: the project API key in the x-api-key header (or a user API key in x-user-api-key where the operation accepts it).";

    public Task InvokeAsync(HttpContext context)
    {
        if (AdminPaths.IsAdmin(context.Request.Path))
        {
            return next(context);
        }
        var headers = context.Request.Headers;
        var key = headers["x-api-key"].ToString();
        var userKey = headers["x-user-api-key"].ToString();
        var hasBearer = headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase);
        var modes = (key.Length > 0 ? 1 : 0) + (userKey.Length > 0 ? 1 : 0) + (hasBearer ? 1 : 0);
        if (modes > 1)
        {
            return Reject(context, "Multiple authentication modes were provided. Provide exactly one authentication mode per request.");
        }
        if (userKey.Length > 0)
        {
            if (!AcceptsUserKey(context.Request.Method, context.Request.Path.Value ?? ""))
            {
                return Reject(context, "This operation does not accept a user API key (x-user-api-key); send the project API key in x-api-key.");
            }
            return options.UserApiKeys.Contains(userKey) ? next(context) : Reject(context, "Invalid user API key.");
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

    /// <summary>The operations whose spec security names UserApiKeyAuth.</summary>
    private static bool AcceptsUserKey(string method, string path) =>
        AuthConfigPath().IsMatch(path)
        || (HttpMethods.IsGet(method) && ToolkitPath().IsMatch(path) && !path.EndsWith("/categories", StringComparison.Ordinal));

    [GeneratedRegex(@"^/api/v3(\.1)?/auth_configs(/[^/]+(/[^/]+)?)?/?$")]
    private static partial Regex AuthConfigPath();

    [GeneratedRegex(@"^/api/v3(\.1)?/toolkits(/[^/]+)?/?$")]
    private static partial Regex ToolkitPath();

    private static Task Reject(HttpContext context, string message) =>
        ApiError.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiError.Slugs.Unauthorized, message, Fix);
}
