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
            var advice = ex.RecommendedAction ?? ErrorAdvice.For(ex) ?? ex.SuggestedFix;
            if (advice != null)
            {
                record.ErrorDetails.RecommendedAction = advice;
            }
            return record;
        }

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
            else if (ex.MayHaveActed && ErrorAdvice.For(ex) is string advice)
            {
                // Said in the message too: an unattended script's log often keeps only that.
                text.Append(' ').Append(advice);
            }
            if (ex.RequestId != null)
            {
                text.Append(Environment.NewLine).Append("Request id: ").Append(ex.RequestId);
            }
            return text.ToString();
        }
    }
}
