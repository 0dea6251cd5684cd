using Composio.PowerShell.DesiredState;
using Xunit;

namespace Composio.PowerShell.Tests;

public class NamePatternTests
{
    [Theory]
    [InlineData("gh-*", "GH-prod", true)]
    [InlineData("gh-?", "gh-1", true)]
    [InlineData("gh-?", "gh-12", false)]
    [InlineData("team [a]*", "team [a] prod", true)]   // brackets are literal, no escaping needed
    [InlineData("team [a]*", "team a prod", false)]
    [InlineData("a`b", "a`b", true)]                   // so is PowerShell's escape character
    public void MatchesLikeDashLike_WithOnlyStarAndQuestionMarkSpecial(string pattern, string name, bool expected) =>
        Assert.Equal(expected, new NamePattern(pattern).IsMatch(name));
}
