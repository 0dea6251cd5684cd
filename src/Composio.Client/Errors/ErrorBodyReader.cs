using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using Composio.Client.Redaction;

namespace Composio.Client.Errors
{
    /// <summary>
    /// Turns a non-success answer into a <see cref="ComposioException"/>. Tolerates missing keys, a
    /// string `code`, and bodies that are not JSON at all. Only the server's own message fields are
    /// shown, and any secret of the request they echo is masked; a non-JSON body is never shown.
    /// </summary>
    internal static class ErrorBodyReader
    {
        public static ComposioException FromResponse(HttpStatusCode status, string? mediaType, string? body, string? target, SecretValues? secrets = null)
        {
            body ??= string.Empty;
            var code = (int)status;
            var kind = KindOf(code);
            string? message = null, slug = null, fix = null, requestId = null;
            var details = new List<string>();

            if (LooksLikeJson(mediaType, body))
            {
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    var root = doc.RootElement;
                    var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e : root;
                    if (error.ValueKind == JsonValueKind.Object)
                    {
                        message = StringOf(error, "message");
                        slug = StringOf(error, "slug");
                        fix = StringOf(error, "suggested_fix");
                        requestId = StringOf(error, "request_id");
                        if (error.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var item in list.EnumerateArray())
                            {
                                details.Add(secrets?.Mask(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()) ?? string.Empty);
                            }
                        }
                    }
                    else if (error.ValueKind == JsonValueKind.String)
                    {
                        message = error.GetString();
                    }
                }
                catch (JsonException)
                {
                    // Not JSON after all: fall through to the generic message below.
                }
            }

            // Every field of the server's text may echo what was sent: all are masked, not just the message.
            message = secrets?.Mask(message) ?? message;
            fix = secrets?.Mask(fix) ?? fix;
            slug = secrets?.Mask(slug) ?? slug;
            requestId = secrets?.Mask(requestId) ?? requestId;
            var text = message ?? DefaultMessage(code, mediaType, body);
            return new ComposioException(ErrorIdOf(kind), kind, text)
            {
                Target = target,
                StatusCode = code,
                Slug = slug,
                ServerMessage = message,
                SuggestedFix = fix,
                RequestId = requestId,
                Details = details,
            };
        }

        public static ComposioErrorKind KindOf(int status) => status switch
        {
            400 => ComposioErrorKind.InvalidArgument,
            422 => ComposioErrorKind.InvalidArgument,
            401 => ComposioErrorKind.Unauthorized,
            403 => ComposioErrorKind.Forbidden,
            404 => ComposioErrorKind.NotFound,
            408 => ComposioErrorKind.Timeout,
            409 => ComposioErrorKind.Conflict,
            429 => ComposioErrorKind.RateLimited,
            // Redirects are not followed (the key must not travel to another host): say so plainly.
            _ when status >= 300 && status < 400 => ComposioErrorKind.InvalidResponse,
            _ when status >= 500 => ComposioErrorKind.ServerError,
            _ => ComposioErrorKind.InvalidArgument,
        };

        public static string ErrorIdOf(ComposioErrorKind kind) => kind switch
        {
            ComposioErrorKind.InvalidArgument => "ComposioBadRequest",
            ComposioErrorKind.Unauthorized => "ComposioUnauthorized",
            ComposioErrorKind.Forbidden => "ComposioForbidden",
            ComposioErrorKind.NotFound => "ComposioNotFound",
            ComposioErrorKind.Timeout => "ComposioTimeout",
            ComposioErrorKind.Conflict => "ComposioConflict",
            ComposioErrorKind.RateLimited => "ComposioRateLimited",
            ComposioErrorKind.ServerError => "ComposioServerError",
            ComposioErrorKind.InvalidResponse => "ComposioInvalidResponse",
            _ => "ComposioRequestFailed",
        };

        private static bool LooksLikeJson(string? mediaType, string body)
        {
            if (mediaType != null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
            var trimmed = body.TrimStart();
            return trimmed.StartsWith("{", StringComparison.Ordinal);
        }

        private static string? StringOf(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                return null;
            }
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            };
        }

        private static string DefaultMessage(int status, string? mediaType, string body)
        {
            var what = string.IsNullOrWhiteSpace(body)
                ? "an empty body"
                : $"a {(string.IsNullOrEmpty(mediaType) ? "non-JSON" : mediaType)} body";
            return status >= 300 && status < 400
                ? $"The Composio API answered HTTP {status} (a redirect), which is not followed so that the API key stays with the configured host. Check -BaseUri."
                : $"The Composio API answered HTTP {status} with {what}.";
        }
    }
}
