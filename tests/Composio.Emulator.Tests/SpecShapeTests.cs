using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>
/// Issue 18: the published spec's members the emulator serves (the full check is the tsc contract
/// test in tests/contract), x-user-api-key, and POST /tools/scopes/required.
/// </summary>
public sealed class SpecShapeTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string UserKey = "uak_emulator_user";

    private HttpRequestMessage WithUserKey(HttpMethod method, string path, object? body = null, bool projectKeyToo = false)
    {
        var request = Api.Request(method, path, body);
        if (!projectKeyToo)
        {
            request.Headers.Remove("x-api-key");
        }
        request.Headers.TryAddWithoutValidation("x-user-api-key", UserKey);
        return request;
    }

    [Fact]
    public async Task Toolkits_CarryTheRequiredMembers_AndNoDeprecationFlag()
    {
        var perplexity = (await Api.GetAsync("toolkits/perplexityai")).Obj;
        Assert.False(perplexity["is_local_toolkit"]!.GetValue<bool>());
        Assert.Empty(perplexity["composio_managed_auth"]!.AsArray()); // required even when there is no managed auth
        Assert.NotNull(perplexity["deprecated"]!["rawProxyInfoByAuthSchemes"]);
        Assert.NotNull(perplexity["meta"]!["available_versions"]);

        var legacy = (await Api.GetAsync("toolkits/clickup_legacy")).Obj;
        Assert.False(legacy.ContainsKey("is_deprecated"));
        var item = (await Api.GetAsync("toolkits?include_deprecated=true")).Obj["items"]!.AsArray().First()!;
        Assert.NotNull(item["deprecated"]!["toolkitId"]);
        Assert.NotNull(item["is_local_toolkit"]);
    }

    [Fact]
    public async Task UserApiKey_IsAcceptedOnAuthConfigAndToolkitOperations()
    {
        var created = await Api.SendAsync(WithUserKey(HttpMethod.Post, "auth_configs", new { toolkit = new { slug = "github" } }));
        Assert.Equal(201, created.Code);
        var id = created.Obj["auth_config"]!["id"]!.GetValue<string>();
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Get, "auth_configs/" + id))).Code);
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Get, "auth_configs"))).Code);
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Patch, "auth_configs/" + id + "/DISABLED"))).Code);
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Get, "toolkits/github"))).Code);
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Get, "toolkits"))).Code);
        Assert.Equal(200, (await Api.SendAsync(WithUserKey(HttpMethod.Delete, "auth_configs/" + id))).Code);
    }

    [Fact]
    public async Task UserApiKey_IsRefusedWhereTheSpecDoesNotAcceptIt_AndWithTheProjectKey()
    {
        Assert.Equal(401, (await Api.SendAsync(WithUserKey(HttpMethod.Get, "toolkits/categories"))).Code);
        Assert.Equal(401, (await Api.SendAsync(WithUserKey(HttpMethod.Post, "tools/scopes/required", new { tools = new[] { "GITHUB_STAR_A_REPOSITORY" } }))).Code);
        var both = await Api.SendAsync(WithUserKey(HttpMethod.Get, "auth_configs", projectKeyToo: true));
        Assert.Equal(401, both.Code);
        Assert.Contains("exactly one", both.ErrorMessage);
        var wrong = Api.Request(HttpMethod.Get, "auth_configs");
        wrong.Headers.Remove("x-api-key");
        wrong.Headers.TryAddWithoutValidation("x-user-api-key", "uak_wrong");
        Assert.Equal(401, (await Api.SendAsync(wrong)).Code);
    }

    [Fact]
    public async Task ToolsScopesRequired_AnswersPerTool_WithNullForAnUnknownTool()
    {
        var map = (await Api.GetAsync("toolkits/github")).Obj;
        Assert.NotNull(map);
        var response = await Api.PostAsync("tools/scopes/required", new { tools = new[] { "GITHUB_STAR_A_REPOSITORY", "NO_SUCH_TOOL" } });
        Assert.Equal(200, response.Code);
        var required = response.Obj["scopes_required"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.NotEmpty(required);
        var perTool = response.Obj["per_tool_requirements"]!.AsArray();
        Assert.Equal(new[] { "GITHUB_STAR_A_REPOSITORY", "NO_SUCH_TOOL" }, perTool.Select(t => t!["tool"]!.GetValue<string>()));
        var allOf = perTool[0]!["scope_requirements"]!["all_of"]!.AsArray();
        Assert.Equal(required.Count, allOf.Count);
        Assert.Null(perTool[1]!["scope_requirements"]);

        // The same scopes the beta endpoint recommends as least privilege for that tool.
        var beta = await Api.PostAsync("toolkits/github/scopes/recommended", new { tools = new[] { "GITHUB_STAR_A_REPOSITORY" } });
        Assert.Equal(beta.Obj["scopes"]!["least_privilege"]!.AsArray().Select(s => s!.GetValue<string>()), required);

        Assert.Equal(400, (await Api.PostAsync("tools/scopes/required", new { version = "latest" })).Code);
    }
}
