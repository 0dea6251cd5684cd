using System.Net;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// The exact bytes each request body variant puts on the wire: the seed's creates byte for byte as
/// the official SDK sends them, unset members left out, nulls inside credential maps kept.
/// </summary>
public class WireBodyTests
{
    private const string Created = "{\"toolkit\":{\"slug\":\"x\"},\"auth_config\":{\"id\":\"ac_new1\",\"auth_scheme\":\"OAUTH2\",\"is_composio_managed\":true}}";
    private const string Redirect = "https://backend.composio.dev/api/v3/toolkits/auth/callback";

    private static async Task<string?> CreateBody(CreateAuthConfigRequest request)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake);
        await client.CreateAuthConfigAsync(request);
        return fake.Attempts.Single().Body;
    }

    private static async Task<string?> UpdateBody(UpdateAuthConfigRequest request, string answer = "{\"success\":true,\"message\":\"updated\"}")
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, answer);
        using var client = TestClients.With(fake);
        await client.UpdateAuthConfigAsync("ac_test1", request);
        Assert.Equal("PATCH", fake.Attempts.Single().Method);
        return fake.Attempts.Single().Body;
    }

    [Fact]
    public async Task Seed_managed_github() =>
        Assert.Equal("{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"type\":\"use_composio_managed_auth\"}}",
            await CreateBody(new CreateAuthConfigRequest { Toolkit = "GITHUB" }));

    [Fact]
    public async Task Seed_managed_github_with_a_name() =>
        Assert.Equal("{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"type\":\"use_composio_managed_auth\",\"name\":\"GitHub\"}}",
            await CreateBody(new CreateAuthConfigRequest { Toolkit = "github", Name = "GitHub" }));

    [Fact]
    public async Task Seed_custom_notion_oauth2() =>
        Assert.Equal(
            "{\"toolkit\":{\"slug\":\"notion\"},\"auth_config\":{\"type\":\"use_custom_auth\",\"name\":\"Notion Auth\",\"authScheme\":\"OAUTH2\"," +
            "\"credentials\":{\"client_id\":\"1234567890\",\"client_secret\":\"1234567890\",\"oauth_redirect_uri\":\"" + Redirect + "\"}}}",
            await CreateBody(new CreateAuthConfigRequest
            {
                Toolkit = "notion", Type = AuthConfigType.Custom, AuthScheme = "OAUTH2", Name = "Notion Auth",
                Credentials = new Dictionary<string, object?> { ["client_id"] = "1234567890", ["client_secret"] = "1234567890", ["oauth_redirect_uri"] = Redirect },
            }));

    [Fact]
    public async Task Seed_managed_hubspot_with_scopes() =>
        Assert.Equal(
            "{\"toolkit\":{\"slug\":\"hubspot\"},\"auth_config\":{\"type\":\"use_composio_managed_auth\",\"credentials\":{\"scopes\":\"sales-email-read,tickets\"},\"name\":\"HubspotConfig\"}}",
            await CreateBody(new CreateAuthConfigRequest { Toolkit = "HUBSPOT", Name = "HubspotConfig", Credentials = new Dictionary<string, object?> { ["scopes"] = "sales-email-read,tickets" } }));

    [Fact]
    public async Task Seed_custom_perplexity_api_key_with_empty_credentials() =>
        Assert.Equal(
            "{\"toolkit\":{\"slug\":\"perplexityai\"},\"auth_config\":{\"type\":\"use_custom_auth\",\"name\":\"Perplexity AI\",\"authScheme\":\"API_KEY\",\"credentials\":{}}}",
            await CreateBody(new CreateAuthConfigRequest { Toolkit = "perplexityai", Type = AuthConfigType.Custom, AuthScheme = "API_KEY", Name = "Perplexity AI", Credentials = new Dictionary<string, object?>() }));

    [Fact]
    public async Task Custom_create_with_every_member_in_core_0_21s_order() =>
        Assert.Equal(
            "{\"toolkit\":{\"slug\":\"notion\"},\"auth_config\":{\"type\":\"use_custom_auth\",\"authScheme\":\"OAUTH2\"," +
            "\"credentials\":{\"client_id\":\"c\",\"n\":42,\"flag\":true,\"ratio\":0.5,\"list\":[\"a\",\"b\"]},\"is_enabled_for_tool_router\":true," +
            "\"proxy_config\":{\"proxy_url\":\"https://proxy.test\",\"proxy_auth_key\":\"pk\"}," +
            "\"tool_access_config\":{\"tools_for_connected_account_creation\":[\"NOTION_SEARCH\"]}}}",
            await CreateBody(new CreateAuthConfigRequest
            {
                Toolkit = "notion", Type = AuthConfigType.Custom, AuthScheme = "OAUTH2",
                Credentials = new Dictionary<string, object?> { ["client_id"] = "c", ["n"] = 42, ["flag"] = true, ["ratio"] = 0.5, ["list"] = new List<string> { "a", "b" } },
                ProxyUrl = "https://proxy.test", ProxyAuthKey = "pk",
                ToolsForConnectedAccountCreation = new[] { "NOTION_SEARCH" },
                IsEnabledForToolRouter = true,
            }));

    [Fact]
    public async Task Managed_create_refuses_a_proxy_before_sending()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, Created);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = "github", ProxyUrl = "https://proxy.test" }));
        Assert.Equal("CreateFieldNotInVariant", error.ErrorId);
        Assert.Equal(0, fake.Count);
    }

    [Fact]
    public async Task Custom_update_sends_only_what_is_set_and_keeps_null_credential_values() =>
        Assert.Equal(
            "{\"type\":\"custom\",\"name\":\"renamed\",\"credentials\":{\"client_secret\":\"new\",\"oauth_redirect_uri\":null},\"shared_credentials\":{\"team_key\":\"s\"}}",
            await UpdateBody(new UpdateAuthConfigRequest
            {
                Type = AuthConfigType.Custom, Name = "renamed",
                Credentials = new Dictionary<string, object?> { ["client_secret"] = "new", ["oauth_redirect_uri"] = null },
                SharedCredentials = new Dictionary<string, object?> { ["team_key"] = "s" },
            }));

    [Fact]
    public async Task Default_update_carries_scopes_tools_shared_credentials_and_the_tool_restriction() =>
        Assert.Equal(
            "{\"type\":\"default\",\"name\":\"n\",\"scopes\":\"repo,read:user\",\"user_scopes\":\"u\"," +
            "\"tool_access_config\":{\"tools_for_connected_account_creation\":[\"A\"],\"tools_available_for_execution\":[\"B\"]}," +
            "\"is_enabled_for_tool_router\":false,\"shared_credentials\":{\"k\":\"v\"},\"restrict_to_following_tools\":[\"GITHUB_STAR_A_REPOSITORY\"]}",
            await UpdateBody(new UpdateAuthConfigRequest
            {
                Type = AuthConfigType.ComposioManaged, Name = "n", Scopes = "repo,read:user", UserScopes = "u",
                ToolsForConnectedAccountCreation = new[] { "A" }, ToolsAvailableForExecution = new[] { "B" },
                IsEnabledForToolRouter = false,
                SharedCredentials = new Dictionary<string, object?> { ["k"] = "v" },
                RestrictToFollowingTools = new[] { "GITHUB_STAR_A_REPOSITORY" },
            }));

    [Fact]
    public async Task An_empty_tool_restriction_is_sent_to_clear_it() =>
        Assert.Equal("{\"type\":\"default\",\"restrict_to_following_tools\":[]}",
            await UpdateBody(new UpdateAuthConfigRequest { Type = AuthConfigType.ComposioManaged, RestrictToFollowingTools = Array.Empty<string>() }));

    [Fact]
    public async Task Custom_update_sets_a_proxy_then_removes_it_with_a_sent_null() =>
        Assert.Equal(
            "{\"type\":\"custom\",\"proxy_config\":{\"proxy_url\":\"https://proxy.test\",\"proxy_auth_key\":\"pk\"},\"is_enabled_for_tool_router\":true}" +
            "|{\"type\":\"custom\",\"proxy_config\":null,\"shared_credentials\":{\"k\":null}}",
            await UpdateBody(new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, ProxyUrl = "https://proxy.test", ProxyAuthKey = "pk", IsEnabledForToolRouter = true }) + "|" +
            await UpdateBody(new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, ClearProxy = true, SharedCredentials = new Dictionary<string, object?> { ["k"] = null } }));

    [Fact]
    public async Task Custom_update_takes_the_deprecated_restriction_too_as_the_spec_allows() =>
        Assert.Equal("{\"type\":\"custom\",\"restrict_to_following_tools\":[\"T\"]}",
            await UpdateBody(new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, RestrictToFollowingTools = new[] { "T" } }));

    [Fact]
    public async Task Creates_carry_shared_credentials_on_both_variants() =>
        Assert.Equal(
            "{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"type\":\"use_composio_managed_auth\",\"credentials\":{\"user_scopes\":\"u\"},\"is_enabled_for_tool_router\":false,\"shared_credentials\":{\"k\":\"v\"}}}",
            await CreateBody(new CreateAuthConfigRequest
            {
                Toolkit = "github", Credentials = new Dictionary<string, object?> { ["user_scopes"] = "u" }, IsEnabledForToolRouter = false,
                SharedCredentials = new Dictionary<string, object?> { ["k"] = "v" },
            }));

    public static IEnumerable<object[]> MembersOfTheOtherVariant() => new[]
    {
        new object[] { new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, Scopes = "a" } },
        new object[] { new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, UserScopes = "a" } },
        new object[] { new UpdateAuthConfigRequest { Type = AuthConfigType.ComposioManaged, ProxyUrl = "https://proxy.test" } },
        new object[] { new UpdateAuthConfigRequest { Type = AuthConfigType.ComposioManaged, ClearProxy = true } },
        new object[] { new UpdateAuthConfigRequest { Type = AuthConfigType.ComposioManaged, Credentials = new Dictionary<string, object?> { ["client_id"] = "x" } } },
    };

    [Theory]
    [MemberData(nameof(MembersOfTheOtherVariant))]
    public async Task An_update_member_of_the_other_variant_is_refused_before_sending(UpdateAuthConfigRequest request)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.UpdateAuthConfigAsync("ac_test1", request));
        Assert.Equal("UpdateFieldNotInVariant", error.ErrorId);
        Assert.Equal(ComposioErrorKind.InvalidInput, error.Kind);
        Assert.Equal(0, fake.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_name_is_refused_before_sending(string name)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.UpdateAuthConfigAsync("ac_test1", new UpdateAuthConfigRequest { Name = name }));
        Assert.Equal("EmptyAuthConfigName", error.ErrorId);
        Assert.Equal("ac_test1", error.Target);
        Assert.Equal(0, fake.Count);
    }

    [Fact]
    public async Task Scope_recommendation_body_always_has_tools_and_nothing_unset()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        await client.RecommendScopesAsync(new ScopeRecommendationRequest { Toolkit = "Gmail" });
        Assert.Equal("{\"tools\":[]}", fake.Attempts[0].Body);
        Assert.Equal("/api/v3.1/toolkits/gmail/scopes/recommended", fake.Attempts[0].Uri.AbsolutePath);

        await client.RecommendScopesAsync(new ScopeRecommendationRequest
        {
            Toolkit = "gmail", Tools = new[] { "GMAIL_SEND_EMAIL" }, AuthScheme = "oauth2", ToolkitVersion = "latest",
            GrantContext = new Dictionary<string, string> { ["account_type"] = "workspace" },
            Include = new[] { "a" }, Exclude = new[] { "b" }, AvailableScopes = new[] { "c" },
        });
        Assert.Equal(
            "{\"tools\":[\"GMAIL_SEND_EMAIL\"],\"auth_scheme\":\"OAUTH2\",\"toolkit_version\":\"latest\",\"grant_context\":{\"account_type\":\"workspace\"}," +
            "\"include\":[\"a\"],\"exclude\":[\"b\"],\"available_scopes\":[\"c\"]}",
            fake.Attempts[1].Body);
    }
}
