using System;
using System.Globalization;
using System.Management.Automation;
using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// One entry of the <see cref="ErrorCatalog"/>: a stable error id, its kind (hence its
    /// PowerShell category), and the message and advice templates (string.Format, never a
    /// credential value among the arguments).
    /// </summary>
    internal sealed class ModuleError
    {
        /// <summary>Where a credential field or parameter an error is about travels with it (see <see cref="ErrorRecords"/>).</summary>
        public const string FieldKey = "Composio.Field";

        public ModuleError(string id, ComposioErrorKind kind, string template, string? advice = null, ErrorCategory? category = null)
        {
            Id = id;
            Kind = kind;
            Template = template;
            Advice = advice;
            Category = category;
        }

        public string Id { get; }
        public ComposioErrorKind Kind { get; }
        public string Template { get; }
        public string? Advice { get; }
        /// <summary>Set where the kind's category would mislead (a file that cannot be read is a ReadError).</summary>
        public ErrorCategory? Category { get; }

        /// <param name="target">What the error is about: an item's label, a file, a parameter.</param>
        public ComposioException New(string? target, params object?[] args) => At(target, null, args);

        /// <param name="field">The credential field or parameter involved: it goes in the record's CategoryInfo.</param>
        public ComposioException At(string? target, string? field, params object?[] args) =>
            Saying(Format(Template, args), target, field, Advice == null ? null : Format(Advice, args));

        /// <summary>The same error with another message, for the entries whose wording depends on the case.</summary>
        public ComposioException Saying(string message, string? target, string? field = null, string? advice = null)
        {
            var ex = new ComposioException(Id, Kind, message) { Target = target, RecommendedAction = advice };
            if (field != null)
            {
                ex.Data[FieldKey] = field;
            }
            return ex;
        }

        private static string Format(string template, object?[] args) =>
            args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
