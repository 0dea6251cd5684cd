using System.Text.Json;
using Composio.Client.Http;
using Composio.Client.Logging;
using Composio.Client.Redaction;

namespace Composio.Client.Wire
{
    /// <summary>
    /// The answer of update, enable/disable and delete. The spec types them `unknown` (delete
    /// `{revoke_job_id?}`): any 2xx means done, whatever the body: 204, empty, text, `{}`,
    /// `{"success": "true", "message": …}` or JSON of any other shape. Only the revocation job id
    /// and the server's message, when there, are taken from it.
    /// </summary>
    internal static class OperationOutcome
    {
        /// <returns>The revocation job id a delete may answer with, else null.</returns>
        public static string? Read(string body, ApiRequest request, string apiKey)
        {
            string? message = null;
            string? job = null;
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    message = Text(document.RootElement, "message");
                    job = Text(document.RootElement, "revoke_job_id");
                    if (document.RootElement.TryGetProperty("success", out var success) && IsNo(success))
                    {
                        message = "it answered success: false" + (message == null ? string.Empty : " (" + message + ")") + ", with a 2xx status, which means done";
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (empty, text): the status said it all.
            }
            // The server's words may quote what was sent: masked like an error message.
            message = SecretValues.Of(apiKey, request.Body).Mask(message);
            if (!string.IsNullOrEmpty(message))
            {
                ClientLog.Verbose($"{request.Method} /{request.Path}: {message}");
            }
            return string.IsNullOrEmpty(job) ? null : job;
        }

        private static string? Text(JsonElement answer, string name) =>
            answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool IsNo(JsonElement value) =>
            value.ValueKind == JsonValueKind.False
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString()?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));
    }
}
