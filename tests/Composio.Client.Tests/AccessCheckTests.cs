using System.Net;
using Composio.Client.Errors;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>Connect-Composio's key check: one small GET whose answer counts only by its status.</summary>
public class AccessCheckTests
{
    [Fact]
    public async Task Asks_for_a_page_of_one_and_does_not_read_the_body()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{\"items\":[{\"id\":1}]}");
        using var client = TestClients.With(fake);
        await client.CheckAccessAsync();
        var attempt = fake.Attempts.Single();
        Assert.Equal("GET", attempt.Method);
        Assert.EndsWith("/auth_configs", attempt.Uri.AbsolutePath);
        Assert.Equal("?limit=1", attempt.Uri.Query);
    }

    [Fact]
    public async Task A_rejected_key_fails()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"Invalid API key\"}}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CheckAccessAsync());
        Assert.Equal(ComposioErrorKind.Unauthorized, error.Kind);
    }
}
