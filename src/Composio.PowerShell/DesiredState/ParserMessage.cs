using System.Text.RegularExpressions;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// A parser's message about a desired-state file, without the file's text: PowerShell's and
    /// System.Text.Json's messages quote the token they stumbled on ("Unexpected token 'x9Fq...'",
    /// "'C' is invalid after a value"), and that token may be a secret written in the wrong place.
    /// Quoted spans with a letter or digit become &lt;text&gt;; quoted punctuation ("Missing '='")
    /// stays, as it says what was expected.
    /// </summary>
    internal static class ParserMessage
    {
        private static readonly Regex s_quoted = new Regex("'+([^']*)'+", RegexOptions.CultureInvariant);

        public static string Scrub(string message) =>
            s_quoted.Replace(message, m => Regex.IsMatch(m.Groups[1].Value, "[\\p{L}\\p{N}]") ? "'<text>'" : m.Value).TrimEnd('.') + ".";
    }
}
