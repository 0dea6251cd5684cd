using Composio.Client.Errors;
using Composio.PowerShell.AuthConfigs;
using Xunit;

namespace Composio.PowerShell.Tests;

public class WhitespaceRuleTests
{
    [Fact]
    public void Name_IsTrimmed_AndAbsentStaysAbsent()
    {
        Assert.Equal("prod", WhitespaceRule.Name("  prod\t", "ac_1", "keep the current one"));
        Assert.Null(WhitespaceRule.Name(null, "ac_1", "keep the current one"));
    }

    [Fact]
    public void Name_Blank_IsRefused()
    {
        var error = Assert.Throws<ComposioException>(() => WhitespaceRule.Name(" \t ", "ac_1", "keep the current one"));
        Assert.Equal("EmptyAuthConfigName", error.ErrorId);
        Assert.Equal("ac_1", error.Target);
    }

    [Fact]
    public void List_TrimsItems_AndDropsBlankOnes()
    {
        Assert.Equal(new[] { "repo", "user" }, WhitespaceRule.List(new[] { " repo", "", "  ", "user " }));
        Assert.Null(WhitespaceRule.List(null));
    }
}
