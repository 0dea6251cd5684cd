namespace Composio.Client.Errors
{
    /// <summary>What went wrong, in terms a caller can act on. The cmdlets map it to an ErrorCategory.</summary>
    public enum ComposioErrorKind
    {
        /// <summary>Input the client judged itself, before sending anything.</summary>
        InvalidInput,
        /// <summary>Missing or unusable settings (no key, insecure URI).</summary>
        Configuration,
        /// <summary>The server rejected the request as invalid (400, 422).</summary>
        InvalidArgument,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,
        RateLimited,
        ServerError,
        /// <summary>No answer within the per-request timeout, and the request was safe to say it was not acted on.</summary>
        Timeout,
        /// <summary>The server could not be reached at all (connection refused, no route, DNS).</summary>
        Connection,
        /// <summary>A connection was made but broke (reset, dropped) on every attempt: about this request, not the server.</summary>
        ConnectionLost,
        /// <summary>A change was sent but its answer was lost: it may or may not have taken effect.</summary>
        OutcomeUnknown,
        /// <summary>The server answered with something that is not the expected JSON.</summary>
        InvalidResponse,
        Cancelled,
    }
}
