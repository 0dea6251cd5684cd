using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Composio.Emulator.Http;

namespace Composio.Emulator.Errors;

/// <summary>
/// The Composio error body: {"error":{"message","code","slug","status","request_id","suggested_fix"?,"errors"?}}.
/// </summary>
public static class ApiError
{
    public static class Slugs
    {
        public const string BadRequest = "HTTP_BadRequest";
        public const string Unauthorized = "HTTP_Unauthorized";
        public const string NotFound = "HTTP_NotFound";
        public const string InternalServerError = "HTTP_InternalServerError";
        public const string AuthConfigNotFound = "AuthConfig_NotFound";
        public const string AuthConfigValidation = "AuthConfig_ValidationError";
        public const string ToolkitNotFound = "Toolkit_NotFound";
        public const string ToolkitValidation = "Toolkit_ValidationError";
        public const string EmulatorInvalidRequest = "Emulator_InvalidRequest";
    }

    // `code` is an internal number on the real service, distinct from the HTTP status; keep them stable.
    private static readonly Dictionary<string, int> Codes = new(StringComparer.Ordinal)
    {
        [Slugs.BadRequest] = 10400,
        [Slugs.Unauthorized] = 10401,
        [Slugs.NotFound] = 10404,
        [Slugs.InternalServerError] = 10500,
        [Slugs.AuthConfigNotFound] = 6001,
        [Slugs.AuthConfigValidation] = 6002,
        [Slugs.ToolkitNotFound] = 7001,
        [Slugs.ToolkitValidation] = 7002,
        [Slugs.EmulatorInvalidRequest] = 9001,
    };

    /// <summary>A generic slug for a status, e.g. 503 → HTTP_ServiceUnavailable.</summary>
    public static string SlugForStatus(int status)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(status);
        return string.IsNullOrEmpty(phrase) ? $"HTTP_{status}" : "HTTP_" + phrase.Replace(" ", "").Replace("-", "");
    }

    public static JsonObject Body(HttpContext context, int status, string slug, string message,
        string? suggestedFix = null, IReadOnlyList<string>? errors = null)
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["code"] = Codes.TryGetValue(slug, out var code) ? code : 10000 + status,
            ["slug"] = slug,
            ["status"] = status,
            ["request_id"] = RequestId.Get(context),
        };
        if (suggestedFix is not null)
        {
            error["suggested_fix"] = suggestedFix;
        }
        if (errors is { Count: > 0 })
        {
            error["errors"] = new JsonArray(errors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }
        return new JsonObject { ["error"] = error };
    }

    public static Task WriteAsync(HttpContext context, int status, string slug, string message,
        string? suggestedFix = null, IReadOnlyList<string>? errors = null)
    {
        context.Response.StatusCode = status;
        return JsonResponse.WriteAsync(context, Body(context, status, slug, message, suggestedFix, errors), status);
    }

    public static Task WriteAsync(HttpContext context, ApiException ex) =>
        WriteAsync(context, ex.Status, ex.Slug, ex.Message, ex.SuggestedFix, ex.Errors);
}
