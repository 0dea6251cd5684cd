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

        /// <summary>A suggestion for the user beyond the message (what to run next).</summary>
        public string? RecommendedAction { get; set; }
    }
}
