using System.Management.Automation;
using System.Runtime.CompilerServices;
using Composio.PowerShell.Pipeline;
using Xunit;

namespace Composio.PowerShell.Tests;

public class PagingWindowTests
{
    // PagingParameters has only an internal constructor (the engine makes it for SupportsPaging);
    // its Skip and First are public and the only state PagingWindow reads.
    private static PagingWindow Window(ulong skip, ulong first)
    {
        var paging = (PagingParameters)RuntimeHelpers.GetUninitializedObject(typeof(PagingParameters));
        paging.Skip = skip;
        paging.First = first;
        return new PagingWindow(paging);
    }

    [Fact]
    public void SkipThenFirst_AdmitsOnlyTheWindow_AndSaysWhenFull()
    {
        var window = Window(skip: 2, first: 3);
        Assert.Equal(5ul, window.Remaining);
        var admitted = Enumerable.Range(0, 10).Select(_ => window.Admit()).ToArray();
        Assert.Equal(new[] { false, false, true, true, true, false, false, false, false, false }, admitted);
        Assert.True(window.IsFull);
        Assert.Equal(3ul, window.Written);
        Assert.Equal(0ul, window.Remaining);
    }

    [Fact]
    public void NoFirst_AdmitsEverything_AndRemainingIsUnbounded()
    {
        var window = Window(skip: 0, first: ulong.MaxValue);
        Assert.Null(window.Remaining);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(window.Admit()));
        Assert.False(window.IsFull);
    }

    [Fact]
    public void FirstZero_IsFullBeforeAnything()
    {
        var window = Window(skip: 0, first: 0);
        Assert.True(window.IsFull);
        Assert.False(window.Admit());
    }
}
