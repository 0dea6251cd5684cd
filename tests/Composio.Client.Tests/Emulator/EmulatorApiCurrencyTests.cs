using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests.Emulator;

/// <summary>The client against the emulator's 2026 shapes, over real HTTP.</summary>
[Collection(EmulatorCollection.Name)]
public class EmulatorApiCurrencyTests : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public EmulatorApiCurrencyTests(EmulatorFixture emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    private ComposioClient Client()
    {
        var options = TestClients.Options(_emulator.BaseUri);
        options.ApiKey = EmulatorFixture.Key;
        return new ComposioClient(options);
    }

    [Fact]
    public async Task Update_status_and_delete_succeed_on_the_success_answers()
    {
        using var client = Client();
        var created = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github", Name = "before" });
        await client.UpdateAuthConfigAsync(created.Id, new UpdateAuthConfigRequest
        {
            Type = AuthConfigType.ComposioManaged,
            Name = "after",
            SharedCredentials = new Dictionary<string, object?> { ["org_token"] = "shared-org-token-0001" },
            RestrictToFollowingTools = new[] { "GITHUB_STAR_A_REPOSITORY" },
        });
        var read = await client.GetAuthConfigAsync(created.Id);
        Assert.Equal("after", read.Name);
        Assert.Equal(new[] { "GITHUB_STAR_A_REPOSITORY" }, read.RestrictToFollowingTools);
        Assert.Equal("***", read.SharedCredentials["org_token"]);

        await client.SetAuthConfigEnabledAsync(created.Id, false);
        Assert.Equal("DISABLED", (await client.GetAuthConfigAsync(created.Id)).Status);
        var job = await client.DeleteAuthConfigAsync(created.Id, revokeOnDelete: true);
        Assert.StartsWith("pj_", job);
    }

    [Fact]
    public async Task A_cimd_config_needs_nothing_from_the_user()
    {
        using var client = Client();
        var linear = await client.GetToolkitAsync("linear");
        var cimd = linear.AuthConfigDetails!.Single(d => d.AuthScheme == "CIMD_OAUTH");
        Assert.All(cimd.AuthConfigCreationFields.Where(f => f.Required), f => Assert.False(f.UserVisible));
        var created = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "linear", Type = AuthConfigType.Custom, AuthScheme = "CIMD_OAUTH" });
        Assert.Equal("CIMD_OAUTH", created.AuthScheme);
    }

    [Fact]
    public async Task Scope_recommendation_and_grant_context_round_trip()
    {
        using var client = Client();
        var answer = await client.RecommendScopesAsync(new ScopeRecommendationRequest
        {
            Toolkit = "github",
            Tools = new[] { "GITHUB_GET_THE_AUTHENTICATED_USER", "GITHUB_LIST_EMAILS_FOR_THE_AUTHENTICATED_USER", "GITHUB_STAR_A_REPOSITORY" },
        });
        Assert.Equal(new[] { "read:user", "user:email", "public_repo" }, answer.LeastPrivilege);
        Assert.Equal(new[] { "user", "public_repo" }, answer.Fewest);
        Assert.Equal("repo", Assert.Single(answer.Conditional).Scope);

        var context = await client.GetGrantContextAsync("github");
        Assert.Equal("repository_visibility", Assert.Single(context.Dimensions).Dimension);
        Assert.Equal("public", context.DefaultGrantContext["repository_visibility"]);

        var error = await Assert.ThrowsAsync<ComposioException>(() => client.RecommendScopesAsync(new ScopeRecommendationRequest { Toolkit = "github", Tools = new[] { "GITHUB_NOPE" } }));
        Assert.Equal(ComposioErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("GITHUB_NOPE", error.ServerMessage);
    }
}
