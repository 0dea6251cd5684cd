using Composio.Client.Errors;
using Composio.PowerShell.Errors;
using Xunit;

namespace Composio.PowerShell.Tests;

public class ToolkitErrorsTests
{
    private static ComposioException Failure(ComposioErrorKind kind, int status) =>
        new("Failed", kind, "failed") { StatusCode = status };

    [Fact]
    public void AnUnknownToolkit_IsToolkitNotFound_NamingSimilarSlugs()
    {
        var error = ToolkitErrors.LookupError(Failure(ComposioErrorKind.NotFound, 404), "notio", () => new[] { "github", "notion" });
        Assert.Equal("ToolkitNotFound", error.ErrorId);
        Assert.Equal("notio", error.Target);
        Assert.Contains("Did you mean: notion?", error.Message);
    }

    [Fact]
    public void A400_IsReadAsNotFound_AsTheSdkDoes() =>
        Assert.Equal("ToolkitNotFound", ToolkitErrors.LookupError(Failure(ComposioErrorKind.InvalidArgument, 400), "x", null).ErrorId);

    [Fact]
    public void WithoutASlugList_NothingIsSuggested()
    {
        var error = ToolkitErrors.LookupError(Failure(ComposioErrorKind.NotFound, 404), "notio", () => null);
        Assert.DoesNotContain("Did you mean", error.Message);
        Assert.DoesNotContain("None of the", error.Message);
    }

    [Fact]
    public void OtherFailures_AreKept_AndTheSlugListIsNotAskedFor()
    {
        var failure = Failure(ComposioErrorKind.Unauthorized, 401);
        var error = ToolkitErrors.LookupError(failure, "github", () => throw new InvalidOperationException("must not be asked"));
        Assert.Same(failure, error);
        Assert.Equal("github", error.Target);
    }
}
