using System;
using System.Management.Automation;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Input the module judged itself, before any request: carries the stable error id, the
    /// category and the offending toolkit/field, so a cmdlet can turn it into an ErrorRecord
    /// (terminating or not, as suits the cmdlet). Messages never hold a credential value.
    /// </summary>
    internal sealed class InputErrorException : ArgumentException
    {
        public InputErrorException(string errorId, string message, object? target, ErrorCategory category = ErrorCategory.InvalidArgument)
            : base(message)
        {
            ErrorId = errorId;
            Target = target;
            Category = category;
        }

        public string ErrorId { get; }

        public object? Target { get; }

        public ErrorCategory Category { get; }

        public string? RecommendedAction { get; set; }

        public ErrorRecord ToErrorRecord()
        {
            var record = new ErrorRecord(this, ErrorId, Category, Target) { ErrorDetails = new ErrorDetails(Message) };
            if (RecommendedAction != null)
            {
                record.ErrorDetails.RecommendedAction = RecommendedAction;
            }
            return record;
        }
    }
}
