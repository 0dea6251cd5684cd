using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>The beta scope endpoints (contract §8 item 7).</summary>
public sealed class ScopeEndpointTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string G = "https://www.googleapis.com/auth/";

    private async Task<JsonObject> RecommendAsync(string slug, object body)
    {
        var response = await Api.PostAsync($"toolkits/{slug}/scopes/recommended", body);
        Assert.True(response.Code == 200, response.Text);
        return response.Obj;
    }

    private static List<string> Set(JsonObject answer, string name) =>
        answer["scopes"]![name]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

    [Fact]
    public async Task Gmail_LeastPrivilegeIsEachToolsNarrowestScope_FewestUsesTheBroadOne()
    {
        var answer = await RecommendAsync("gmail", new { tools = new[] { "GMAIL_SEND_EMAIL", "GMAIL_FETCH_EMAILS", "GMAIL_CREATE_LABEL" } });
        Assert.Equal("OAUTH2", answer["auth_scheme"]!.GetValue<string>());
        Assert.Equal("latest", answer["toolkit_version"]!.GetValue<string>());
        Assert.Equal(new[] { G + "gmail.send", G + "gmail.readonly", G + "gmail.labels" }, Set(answer, "least_privilege"));
        Assert.Equal(new[] { G + "gmail.modify" }, Set(answer, "fewest"));
        // The default grant context (personal account) does not meet the Workspace condition.
        var conditional = answer["scopes"]!["conditional"]!.AsArray().Single()!;
        Assert.Equal(G + "gmail.settings.sharing", conditional["scope"]!.GetValue<string>());
        Assert.Equal("workspace", conditional["when"]!["account_type"]!.GetValue<string>());
        Assert.Equal(new[] { "GMAIL_SEND_EMAIL" }, conditional["for"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("personal", answer["grant_context"]!["account_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OneTool_NeedsNoBroadScope()
    {
        var answer = await RecommendAsync("gmail", new { tools = new[] { "gmail_fetch_emails" } });
        Assert.Equal(new[] { G + "gmail.readonly" }, Set(answer, "least_privilege"));
        Assert.Equal(new[] { G + "gmail.readonly" }, Set(answer, "fewest"));
        Assert.Empty(answer["scopes"]!["conditional"]!.AsArray());
    }

    [Fact]
    public async Task GrantContextThatMeetsACondition_MovesItsScopeIntoBothSets()
    {
        var answer = await RecommendAsync("github", new
        {
            tools = new[] { "GITHUB_CREATE_AN_ISSUE", "GITHUB_GET_THE_AUTHENTICATED_USER" },
            grant_context = new { repository_visibility = "private" },
        });
        Assert.Equal(new[] { "public_repo", "read:user", "repo" }, Set(answer, "least_privilege"));
        Assert.Equal(new[] { "repo", "read:user" }, Set(answer, "fewest"));
        Assert.Empty(answer["scopes"]!["conditional"]!.AsArray());
    }

    [Fact]
    public async Task GitHub_FewestIsSmaller()
    {
        var answer = await RecommendAsync("github", new { tools = new[] { "GITHUB_GET_THE_AUTHENTICATED_USER", "GITHUB_LIST_EMAILS_FOR_THE_AUTHENTICATED_USER", "GITHUB_CREATE_A_GIST" } });
        Assert.Equal(new[] { "read:user", "user:email", "gist" }, Set(answer, "least_privilege"));
        Assert.Equal(new[] { "user", "gist" }, Set(answer, "fewest"));
    }

    [Fact]
    public async Task Slack_ConditionalScopesCarryTheirConditions()
    {
        var answer = await RecommendAsync("slack", new { tools = new[] { "SLACK_SEND_MESSAGE", "SLACK_FETCH_CONVERSATION_HISTORY" } });
        Assert.Equal(new[] { "chat:write", "channels:history" }, Set(answer, "least_privilege"));
        var conditional = answer["scopes"]!["conditional"]!.AsArray();
        Assert.Equal(new[] { "chat:write.public", "groups:history" }, conditional.Select(c => c!["scope"]!.GetValue<string>()));
        Assert.Equal("not_member", conditional[0]!["when"]!["channel_membership"]!.GetValue<string>());
        Assert.Equal("private", conditional[1]!["when"]!["channel_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoTools_MeansEveryTool()
    {
        var all = await RecommendAsync("slack", new { tools = Array.Empty<string>() });
        Assert.Equal(8, Set(all, "least_privilege").Count);
    }

    [Fact]
    public async Task IncludeExcludeAndAvailableScopes_ShapeTheSets()
    {
        var answer = await RecommendAsync("gmail", new
        {
            tools = new[] { "GMAIL_FETCH_EMAILS" },
            include = new[] { G + "userinfo.profile" },
            exclude = new[] { G + "gmail.modify" },
        });
        Assert.Equal(new[] { G + "gmail.readonly", G + "userinfo.profile" }, Set(answer, "least_privilege"));

        // An app that may not request gmail.readonly gets the broad scope that grants it.
        var limited = await RecommendAsync("gmail", new { tools = new[] { "GMAIL_FETCH_EMAILS" }, available_scopes = new[] { G + "gmail.modify" } });
        Assert.Equal(new[] { G + "gmail.modify" }, Set(limited, "least_privilege"));

        var impossible = await Api.PostAsync("toolkits/gmail/scopes/recommended", new { tools = new[] { "GMAIL_FETCH_EMAILS" }, available_scopes = new[] { G + "gmail.send" } });
        Assert.Equal(400, impossible.Code);
    }

    [Theory]
    [InlineData("gmail", "{}", 400)]
    [InlineData("gmail", "{\"tools\":[\"GMAIL_NOPE\"]}", 400)]
    [InlineData("gmail", "{\"tools\":[],\"auth_scheme\":\"API_KEY\"}", 400)]
    [InlineData("gmail", "{\"tools\":[],\"grant_context\":{\"account_type\":\"enterprise\"}}", 400)]
    [InlineData("gmail", "{\"tools\":[],\"grant_context\":{\"colour\":\"red\"}}", 400)]
    [InlineData("gmail", "{\"tools\":[],\"toolkit_version\":\"19990101_00\"}", 404)]
    [InlineData("nosuchtoolkit", "{\"tools\":[]}", 404)]
    [InlineData("gmail", "{\"tools\":\"GMAIL_SEND_EMAIL\"}", 400)]
    public async Task BadRequests_AreRefused(string slug, string body, int status)
    {
        Assert.Equal(status, (await Api.PostAsync($"toolkits/{slug}/scopes/recommended", body)).Code);
    }

    [Fact]
    public async Task ToolkitWithoutScopeData_AnswersEmptySets()
    {
        var answer = await RecommendAsync("notion", new { tools = Array.Empty<string>() });
        Assert.Empty(Set(answer, "least_privilege"));
        Assert.Empty(Set(answer, "fewest"));
    }

    [Fact]
    public async Task GrantContext_ListsDimensionsAndTheDefault()
    {
        var response = await Api.GetAsync("toolkits/slack/scopes/grant_context?auth_scheme=OAUTH2&toolkit_version=latest");
        Assert.Equal(200, response.Code);
        var obj = response.Obj;
        Assert.Equal(new[] { "auth_scheme", "toolkit_version", "grant_context_dimensions", "default_grant_context" }, obj.Select(kv => kv.Key));
        var dimensions = obj["grant_context_dimensions"]!.AsArray();
        Assert.Equal(new[] { "channel_type", "channel_membership" }, dimensions.Select(d => d!["dimension"]!.GetValue<string>()));
        Assert.Equal(new[] { "public", "private" }, dimensions[0]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("member", obj["default_grant_context"]!["channel_membership"]!.GetValue<string>());

        var none = (await Api.GetAsync("toolkits/notion/scopes/grant_context")).Obj;
        Assert.Empty(none["grant_context_dimensions"]!.AsArray());
        Assert.Equal(400, (await Api.GetAsync("toolkits/perplexityai/scopes/grant_context")).Code);
    }

    [Fact]
    public async Task V3_ServesTheScopeEndpointsToo()
    {
        using var v3 = Fixture.Emulator.Client(version: "v3");
        Assert.Equal(200, (await v3.GetAsync("toolkits/gmail/scopes/grant_context")).Code);
    }
}
