using System.Linq;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// The one whitespace rule, for parameters, CSV cells and desired-state files alike: text is
    /// trimmed before it is checked or sent (a CSV cell's " https://example.com/cb" goes out
    /// without its space), blank list items are dropped, and a name that is blank is refused
    /// rather than left to the server's default. Credential values are trimmed by
    /// <see cref="CredentialValidator.Value"/>, which applies this rule.
    /// </summary>
    internal static class WhitespaceRule
    {
        /// <summary>The trimmed name; null when none was given; a blank one is EmptyAuthConfigName.</summary>
        /// <param name="instead">What leaving the name out does, for the message ("keep the current one").</param>
        public static string? Name(string? name, string? target, string instead)
        {
            if (name == null)
            {
                return null;
            }
            var trimmed = name.Trim();
            if (trimmed.Length == 0)
            {
                throw ErrorCatalog.EmptyAuthConfigName.At(target, "Name", instead);
            }
            return trimmed;
        }

        /// <summary>A list's items trimmed, blank ones dropped; null stays null.</summary>
        public static string[]? List(string[]? items) =>
            items?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();
    }
}
