using System.Text;

namespace Composio.PowerShell
{
    /// <summary>
    /// Text from a server we do not control, made safe for a terminal: control characters (C0, DEL,
    /// C1: ESC, BEL, CR, ...) and the bidirectional overrides are shown escaped (`\e`, `\u0007`), so
    /// an answer cannot retitle the window, clear the screen, fake a link or reorder a line. Line
    /// breaks and tabs stay. The one escaping function of the module: errors, the Verbose, Debug and
    /// Warning streams and the default views all use it; objects keep their raw values.
    /// </summary>
    public static class ConsoleText
    {
        public static string Escape(object? value)
        {
            var text = value?.ToString();
            if (string.IsNullOrEmpty(text) || !NeedsEscaping(text!))
            {
                return text ?? string.Empty;
            }
            var result = new StringBuilder(text!.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    result.Append(c); // A Windows line break is a line break, not a carriage return.
                }
                else if (c == '\x1b')
                {
                    result.Append("\\e");
                }
                else if (IsUnsafe(c))
                {
                    result.Append("\\u").Append(((int)c).ToString("x4"));
                }
                else
                {
                    result.Append(c);
                }
            }
            return result.ToString();
        }

        private static bool NeedsEscaping(string text)
        {
            foreach (var c in text)
            {
                if (IsUnsafe(c))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsUnsafe(char c) =>
            (char.IsControl(c) && c != '\n' && c != '\t')
            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
