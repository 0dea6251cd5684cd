using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Which client failures end the whole pipeline: those no other item could escape (no
    /// connection, a rejected key, a server refusing connections). Anything about one id or slug,
    /// or a connection that broke under one request, is reported for that item and the pipeline goes on.
    /// </summary>
    internal static class FailurePolicy
    {
        public static bool StopsPipeline(ComposioException ex) => ex.Kind switch
        {
            ComposioErrorKind.Configuration => true,
            ComposioErrorKind.Unauthorized => true,
            ComposioErrorKind.Connection => true,
            _ => false,
        };
    }
}
