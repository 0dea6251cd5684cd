using System.Text;
using System.Text.RegularExpressions;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// A name pattern with `*` (any run of characters) and `?` (one character), case-insensitive
    /// like PowerShell's -like. Every other character is literal, so a name with brackets needs no escaping.
    /// </summary>
    internal sealed class NamePattern
    {
        private readonly Regex _regex;

        public NamePattern(string pattern)
        {
            var text = new StringBuilder("^");
            foreach (var c in pattern)
            {
                text.Append(c == '*' ? ".*" : c == '?' ? "." : Regex.Escape(c.ToString()));
            }
            _regex = new Regex(text.Append("\\z").ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public bool IsMatch(string name) => _regex.IsMatch(name);
    }
}
