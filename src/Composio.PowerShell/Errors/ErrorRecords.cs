using System;
using System.Management.Automation;
using System.Text;
using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>Builds ErrorRecords with stable ids, a specific category, the target and the server's words.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(ComposioException ex, object? target = null)
        {
            var record = new ErrorRecord(ex, ex.ErrorId, CategoryOf(ex.Kind), target ?? ex.Target);
            record.ErrorDetails = new ErrorDetails(DetailsOf(ex));
            if (ex.RecommendedAction != null)
            {
                record.ErrorDetails.RecommendedAction = ex.RecommendedAction;
            }
            else if (ex.SuggestedFix != null)
            {
                record.ErrorDetails.RecommendedAction = ex.SuggestedFix;
            }
            return record;
        }

        /// <summary>An error the module judges itself, before any request.</summary>
        public static ErrorRecord Invalid(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument) =>
            new ErrorRecord(new ArgumentException(message), errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(message),
            };

        public static ErrorCategory CategoryOf(ComposioErrorKind kind) => kind switch
        {
            ComposioErrorKind.InvalidInput => ErrorCategory.InvalidArgument,
            ComposioErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ComposioErrorKind.Configuration => ErrorCategory.InvalidOperation,
            ComposioErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
            ComposioErrorKind.Forbidden => ErrorCategory.PermissionDenied,
            ComposioErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ComposioErrorKind.Conflict => ErrorCategory.ResourceExists,
            ComposioErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            ComposioErrorKind.ServerError => ErrorCategory.ResourceUnavailable,
            ComposioErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ComposioErrorKind.Connection => ErrorCategory.ConnectionError,
            ComposioErrorKind.ConnectionLost => ErrorCategory.ConnectionError,
            ComposioErrorKind.OutcomeUnknown => ErrorCategory.OperationStopped,
            ComposioErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
            ComposioErrorKind.Cancelled => ErrorCategory.OperationStopped,
            _ => ErrorCategory.NotSpecified,
        };

        private static string DetailsOf(ComposioException ex)
        {
            var text = new StringBuilder(ex.ServerMessage ?? ex.Message);
            if (ex.StatusCode != null && ex.ServerMessage != null)
            {
                text.Append($" (HTTP {ex.StatusCode}{(ex.Slug == null ? string.Empty : ", " + ex.Slug)})");
            }
            foreach (var detail in ex.Details)
            {
                text.Append(Environment.NewLine).Append("  ").Append(detail);
            }
            if (ex.SuggestedFix != null)
            {
                text.Append(Environment.NewLine).Append("Suggested fix: ").Append(ex.SuggestedFix);
            }
            if (ex.RequestId != null)
            {
                text.Append(Environment.NewLine).Append("Request id: ").Append(ex.RequestId);
            }
            return text.ToString();
        }
    }
}
