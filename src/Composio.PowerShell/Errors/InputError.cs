using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Input the module judges itself, before any request. Such errors are ComposioExceptions
    /// like the client's own, so every failure takes one path (<see cref="ErrorRecords.From"/>
    /// and the cmdlets' failure policy). Messages never hold a credential value.
    /// </summary>
    internal static class InputError
    {
        public static ComposioException New(string errorId, string message, string? target = null, string? recommendedAction = null,
            ComposioErrorKind kind = ComposioErrorKind.InvalidInput) =>
            new ComposioException(errorId, kind, message) { Target = target, RecommendedAction = recommendedAction };
    }
}
