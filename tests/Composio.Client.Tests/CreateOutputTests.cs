using System.Net;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// A create is one request: its output is built from the spec's create answer and the request,
/// and the fields only the server knows are read with one GET the first time one is read.
/// </summary>
public class CreateOutputTests
{
    // The spec's 201 answer (@composio/client 2.0.0-rc.6): nothing beyond these four fields.
    private const string Created = "{\"toolkit\":{\"slug\":\"GitHub\"},\"auth_config\":{\"id\":\"ac_new1\",\"auth_scheme\":\"OAUTH2\",\"is_composio_managed\":true,\"restrict_to_following_tools\":[]}}";
    private const string Retrieved = "{\"id\":\"ac_new1\",\"uuid\":\"u-1\",\"type\":\"default\",\"toolkit\":{\"slug\":\"github\",\"logo\":\"https://logo\"},\"name\":\"n\",\"auth_scheme\":\"OAUTH2\"," +
        "\"is_composio_managed\":true,\"credentials\":{\"scopes\":\"repo\"},\"status\":\"ENABLED\",\"created_by\":\"me\",\"created_at\":\"2026-12-03T10:00:00.000Z\"," +
        "\"last_updated_at\":\"2026-12-03T10:00:00.000Z\",\"no_of_connections\":0,\"tool_access_config\":{\"tools_available_for_execution\":[\"A\"]},\"is_enabled_for_tool_router\":false}";

    [Fact]
    public async Task Builds_the_output_from_the_answer_and_the_request_with_one_request()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, Created).Then(HttpStatusCode.OK, Retrieved);
        using var client = TestClients.With(fake);
        var made = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github", Name = "n", ToolsForConnectedAccountCreation = new[] { "T" } });

        Assert.Equal(1, fake.Count);
        Assert.Equal("ac_new1", made.Id);
        Assert.Equal("n", made.Name);
        Assert.Equal("github", made.Toolkit);
        Assert.Equal("OAUTH2", made.AuthScheme);
        Assert.Equal("ComposioManaged", made.Type);
        Assert.Equal("ENABLED", made.Status);
        Assert.Equal(0, made.ConnectionCount);
        Assert.Equal(new[] { "T" }, made.ToolsForConnectedAccountCreation);
        Assert.Empty(made.RestrictToFollowingTools);
        Assert.Equal(1, fake.Count);
    }

    [Fact]
    public async Task Reads_the_server_only_fields_once_on_first_use()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, Created).Then(HttpStatusCode.OK, Retrieved);
        using var client = TestClients.With(fake);
        var made = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github", Name = "n" });

        Assert.Equal(new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), made.CreatedAt);
        Assert.Equal(2, fake.Count);
        Assert.Equal("GET", fake.Attempts[1].Method);
        Assert.EndsWith("/auth_configs/ac_new1", fake.Attempts[1].Uri.AbsolutePath);
        Assert.Equal("u-1", made.Uuid);
        Assert.Equal("me", made.CreatedBy);
        Assert.Equal("repo", made.Credentials["scopes"]);
        Assert.Equal(new[] { "A" }, made.ToolsAvailableForExecution);
        Assert.False(made.IsEnabledForToolRouter);
        Assert.Equal("https://logo", made.ToolkitLogo);
        Assert.Equal(2, fake.Count);
    }

    [Fact]
    public async Task A_failed_read_leaves_the_server_only_fields_empty_and_is_not_repeated()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, Created).Then(HttpStatusCode.NotFound, "{\"error\":{\"message\":\"gone\"}}");
        using var client = TestClients.With(fake);
        var made = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github", Name = "n" });

        Assert.Null(made.CreatedAt);
        Assert.Null(made.Uuid);
        Assert.Empty(made.Credentials);
        Assert.Equal("n", made.Name);
        Assert.Equal(2, fake.Count);
    }
}
