using System.Net;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>What the client reads from the 2026 shapes: scope answers, user_visible, required_scopes, shared credentials.</summary>
public class ScopeAndSchemeReadTests
{
    private const string Recommendation =
        "{\"auth_scheme\":\"OAUTH2\",\"toolkit_version\":\"latest\",\"grant_context\":{\"account_type\":\"personal\"}," +
        "\"scopes\":{\"least_privilege\":[\"a.send\",\"a.read\"],\"fewest\":[\"a.modify\"]," +
        "\"conditional\":[{\"scope\":\"a.sharing\",\"when\":{\"account_type\":\"workspace\"},\"for\":[\"T_SEND\"]}]}}";

    [Fact]
    public async Task A_recommendation_reads_both_sets_and_the_conditional_scopes()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, Recommendation);
        using var client = TestClients.With(fake);
        var answer = await client.RecommendScopesAsync(new ScopeRecommendationRequest { Toolkit = "gmail", Tools = new[] { "T_SEND", "T_READ" } });
        Assert.Equal("gmail", answer.Toolkit);
        Assert.Equal("OAUTH2", answer.AuthScheme);
        Assert.Equal(new[] { "T_SEND", "T_READ" }, answer.Tools);
        Assert.Equal(new[] { "a.send", "a.read" }, answer.LeastPrivilege);
        Assert.Equal(answer.LeastPrivilege, answer.Scope);
        Assert.Equal(new[] { "a.modify" }, answer.Fewest);
        var conditional = Assert.Single(answer.Conditional);
        Assert.Equal("a.sharing", conditional.Scope);
        Assert.Equal("workspace", conditional.When["account_type"]);
        Assert.Equal(new[] { "T_SEND" }, conditional.For);
        Assert.Equal("personal", answer.GrantContext["account_type"]);
    }

    [Fact]
    public async Task A_sparse_recommendation_reads_as_empty_sets()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        var answer = await client.RecommendScopesAsync(new ScopeRecommendationRequest { Toolkit = "gmail" });
        Assert.Empty(answer.LeastPrivilege);
        Assert.Empty(answer.Fewest);
        Assert.Empty(answer.Conditional);
    }

    [Fact]
    public async Task The_grant_context_reads_dimensions_and_defaults_and_sends_its_query()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK,
            "{\"auth_scheme\":\"OAUTH2\",\"toolkit_version\":\"latest\",\"grant_context_dimensions\":[{\"dimension\":\"channel_type\",\"description\":\"d\",\"values\":[\"public\",\"private\"]}],\"default_grant_context\":{\"channel_type\":\"public\"}}");
        using var client = TestClients.With(fake);
        var context = await client.GetGrantContextAsync("Slack", "oauth2", "latest");
        Assert.Equal("/api/v3.1/toolkits/slack/scopes/grant_context", fake.Attempts[0].Uri.AbsolutePath);
        Assert.Equal("?auth_scheme=OAUTH2&toolkit_version=latest", fake.Attempts[0].Uri.Query);
        var dimension = Assert.Single(context.Dimensions);
        Assert.Equal("channel_type", dimension.Dimension);
        Assert.Equal(new[] { "public", "private" }, dimension.Values);
        Assert.Equal("public", context.DefaultGrantContext["channel_type"]);
    }

    [Fact]
    public async Task A_scheme_reads_user_visible_required_scopes_and_its_available_and_default_scopes()
    {
        const string toolkit =
            "{\"slug\":\"linear\",\"composio_managed_auth_schemes\":[\"OAUTH2\"],\"composio_managed_auth\":[{\"mode\":\"OAUTH2\",\"scopes\":{\"available\":[\"read\",\"write\",\"admin\"]}}]," +
            "\"auth_config_details\":[" +
            "{\"mode\":\"OAUTH2\",\"fields\":{\"auth_config_creation\":{\"required\":[{\"name\":\"client_id\"}],\"optional\":[{\"name\":\"scopes\",\"default\":\"read, write\"}]}},\"required_scopes\":[\"read\"]}," +
            "{\"mode\":\"CIMD_OAUTH\",\"fields\":{\"auth_config_creation\":{\"required\":[{\"name\":\"client_id\",\"default\":\"https://x.test/cimd.json\",\"user_visible\":false}]}}}]}";
        var fake = new FakeHandler().Then(HttpStatusCode.OK, toolkit);
        using var client = TestClients.With(fake);
        var linear = await client.GetToolkitAsync("linear");
        var oauth = linear.AuthConfigDetails!.Single(d => d.AuthScheme == "OAUTH2");
        Assert.Equal(new[] { "read", "write", "admin" }, oauth.AvailableScopes);
        Assert.Equal(new[] { "read", "write" }, oauth.DefaultScopes);
        Assert.Equal(new[] { "read" }, oauth.RequiredScopes);
        Assert.True(oauth.AuthConfigCreationFields[0].UserVisible); // absent on the wire: visible
        var cimd = linear.AuthConfigDetails!.Single(d => d.AuthScheme == "CIMD_OAUTH");
        Assert.Contains("CIMD_OAUTH", linear.AuthSchemes);
        Assert.False(cimd.AuthConfigCreationFields[0].UserVisible);
        Assert.Empty(cimd.RequiredScopes);
    }

    [Fact]
    public async Task Shared_credentials_are_masked_whatever_their_names()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{\"id\":\"ac_1\",\"shared_credentials\":{\"region\":\"eu-west-plain\",\"gone\":null}}");
        using var client = TestClients.With(fake);
        var config = await client.GetAuthConfigAsync("ac_1");
        Assert.Equal("***", config.SharedCredentials["region"]);
        Assert.Null(config.SharedCredentials["gone"]);
    }
}
