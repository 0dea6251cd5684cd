using System.Linq;
using System.Management.Automation.Language;

namespace Composio.PowerShell
{
    /// <summary>
    /// Text as PowerShell reads it back: the one quoting helper of the module (completion, advice,
    /// the .psd1 writer). The escaping is the PowerShell SDK's: every single quote the parser knows,
    /// the typographic ones too, is doubled.
    /// </summary>
    internal static class PowerShellLiteral
    {
        /// <summary>A single-quoted string.</summary>
        public static string Quote(string value) => "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";

        /// <summary>The value as it must be typed as an argument: bare when it is one plain word, else single-quoted.</summary>
        public static string Argument(string value) =>
            value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') ? value : Quote(value);
    }
}
