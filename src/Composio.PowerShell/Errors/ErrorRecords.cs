using System;
using System.Management.Automation;
using System.Text;
using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Builds ErrorRecords with stable ids, a specific category, the target and the server's words.
    /// An error about one item names it: its TargetObject is the item, its message starts with the
    /// item's label, and the field involved (a credential field, a parameter) is the CategoryInfo's reason.
    /// </summary>
    internal static class ErrorRecords
    {
        /// <param name="target">The item (config id, CSV row, file); defaults to the exception's target.</param>
        /// <param name="label">How the message names the item ("auth config ac_1", "'GitHub' (toolkit github)"); null when it needs no naming.</param>
        public static ErrorRecord From(ComposioException ex, object? target = null, string? label = null)
        {
            var ours = ErrorAdvice.For(ex);
            var category = ErrorCatalog.Find(ex.ErrorId)?.Category ?? CategoryOf(ex.Kind);
            // What the console shows is escaped (ConsoleText); the exception keeps the server's raw words.
            target ??= ex.Target;
            var record = new ErrorRecord(ex, ex.ErrorId, category, target is string text ? ConsoleText.Escape(text) : target);
            var details = DetailsOf(ex, ours);
            if (label != null && details.IndexOf(label, StringComparison.OrdinalIgnoreCase) < 0)
            {
                details = label + ": " + details;
            }
            record.ErrorDetails = new ErrorDetails(ConsoleText.Escape(details));
            if (ex.Data[ModuleError.FieldKey] is string field)
            {
                record.CategoryInfo.Reason = ConsoleText.Escape(field);
            }
            if (label != null)
            {
                record.CategoryInfo.TargetName = ConsoleText.Escape(label);
            }
            // Not the server's own fix: it names REST calls and is already in the message, and
            // PowerShell would show it a second time as "Recommendation:".
            var advice = ex.RecommendedAction ?? ours;
            if (advice != null)
            {
                record.ErrorDetails.RecommendedAction = ConsoleText.Escape(advice);
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

        /// <param name="ours">The module's advice for <paramref name="ex"/> (<see cref="ErrorAdvice.For"/>), or null.</param>
        private static string DetailsOf(ComposioException ex, string? ours)
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
            // A rejected key's fix, as the server words it, is for REST callers (headers); ours says what to run.
            var fix = ex.Kind == ComposioErrorKind.Unauthorized ? ours ?? ex.SuggestedFix : ex.SuggestedFix;
            if (fix != null)
            {
                text.Append(Environment.NewLine).Append("Suggested fix: ").Append(fix);
            }
            else if (ex.MayHaveActed && ours != null)
            {
                // Said in the message too: an unattended script's log often keeps only that.
                text.Append(' ').Append(ours);
            }
            if (ex.RequestId != null)
            {
                text.Append(Environment.NewLine).Append("Request id: ").Append(ex.RequestId);
            }
            return text.ToString();
        }
    }
}
