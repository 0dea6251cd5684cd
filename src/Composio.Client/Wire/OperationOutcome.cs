using Composio.Client.Errors;
using Composio.Client.Http;
using Composio.Client.Logging;
using Composio.Client.Redaction;

namespace Composio.Client.Wire
{
    /// <summary>Reads an <see cref="OperationResultWire"/>: the old `{}` and `success: true` are done; `success: false` is a failure.</summary>
    internal static class OperationOutcome
    {
        public static void Check(OperationResultWire answer, ApiRequest request, string apiKey)
        {
            // The server's words may quote what was sent: masked like an error message.
            var message = SecretValues.Of(apiKey, request.Body).Mask(answer.Message);
            if (answer.Success == false)
            {
                throw new ComposioException("ComposioOperationFailed", ComposioErrorKind.ServerError,
                    $"The Composio API did not carry out {request.Method} /{request.Path}: {(string.IsNullOrEmpty(message) ? "it answered success: false without a reason" : message)}.")
                { Target = request.Target, ServerMessage = message };
            }
            if (!string.IsNullOrEmpty(message))
            {
                ClientLog.Verbose($"{request.Method} /{request.Path}: {message}");
            }
        }
    }
}
