using System;
using System.Collections.Generic;

namespace Composio.Client.Errors
{
    /// <summary>
    /// Every failure the client reports. The message never holds a secret; <see cref="ErrorId"/> is a
    /// stable PascalCase id that scripts and tests can match.
    /// </summary>
    public class ComposioException : Exception
    {
        public ComposioException(string errorId, ComposioErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        public string ErrorId { get; }

        public ComposioErrorKind Kind { get; }

        /// <summary>The id or slug the failure is about, when there is one.</summary>
        public string? Target { get; set; }

        /// <summary>HTTP status of the final answer, when there was one.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The server's error slug, e.g. `HTTP_Unauthorized`.</summary>
        public string? Slug { get; set; }

        public string? ServerMessage { get; set; }

        public string? SuggestedFix { get; set; }

        public string? RequestId { get; set; }

        public IReadOnlyList<string> Details { get; set; } = Array.Empty<string>();

        /// <summary>The auth config's name the request carried, when there was one (a create's).</summary>
        public string? Name { get; set; }

        /// <summary>The toolkit slug the request was about, when there was one.</summary>
        public string? Toolkit { get; set; }

        /// <summary>The HTTP method of the failed request (`POST`, `DELETE`, ...), when one was made.</summary>
        public string? Method { get; set; }

        /// <summary>
        /// True when an attempt may have reached the server and acted although the call failed
        /// (lost answer, gateway error): a create may exist, a delete may be done. The caller
        /// decides how to tell its user to check.
        /// </summary>
        public bool MayHaveActed { get; set; }

        /// <summary>What to do next, set by the caller that knows its user's tools; the client leaves it empty.</summary>
        public string? RecommendedAction { get; set; }
    }
}
