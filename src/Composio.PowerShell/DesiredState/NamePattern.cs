using System.Management.Automation;
using System.Text;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// A name pattern with `*` (any run of characters) and `?` (one character), case-insensitive
    /// like PowerShell's -like. Every other character is literal, so a name with brackets needs no
    /// escaping. Matched by PowerShell's WildcardPattern, in time linear in the name: a pattern
    /// from a file anyone can edit must not make a sync hang (a regex of ten `.*` backtracked for
    /// minutes).
    /// </summary>
    internal sealed class NamePattern
    {
        private readonly WildcardPattern _pattern;

        public NamePattern(string pattern)
        {
            var text = new StringBuilder(pattern.Length);
            foreach (var c in pattern)
            {
                text.Append(c == '*' || c == '?' ? c.ToString() : WildcardPattern.Escape(c.ToString()));
            }
            _pattern = new WildcardPattern(text.ToString(), WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        }

        public bool IsMatch(string name) => _pattern.IsMatch(name);
    }
}
