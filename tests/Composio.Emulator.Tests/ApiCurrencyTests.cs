using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>The 2026 changes of the contract (§8 items 1–4): answer shapes, CIMD_OAUTH, the update union, user_visible.</summary>
public sealed class ApiCurrencyTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private async Task<JsonObject> GetAsync(string id) => (await Api.GetAsync("auth_configs/" + id)).Obj;

    private static void AssertSuccess(ApiResponse response)
    {
        Assert.Equal(200, response.Code);
        Assert.True(response.Obj["success"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(response.Obj["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_AndStatus_AnswerSuccessAndMessage_DeleteOnlyItsRevokeJob()
    {
        var id = await Api.CreateAsync("github");
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "default", name = "x" }));
        AssertSuccess(await Api.PatchAsync($"auth_configs/{id}/DISABLED"));
        AssertSuccess(await Api.PatchAsync($"auth_configs/{id}/ENABLED"));
        var deleted = await Api.DeleteAsync($"auth_configs/{id}?revoke_on_delete=true");
        Assert.Equal(200, deleted.Code);
        Assert.Equal(new[] { "revoke_job_id" }, deleted.Obj.Select(kv => kv.Key)); // the spec's `{revoke_job_id?}`
        Assert.StartsWith("pj_", deleted.Obj["revoke_job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultUpdate_TakesSharedCredentialsAndRestrictToFollowingTools()
    {
        var id = await Api.CreateAsync("github");
        var response = await Api.PatchAsync("auth_configs/" + id, new
        {
            type = "default",
            shared_credentials = new { org_token = "shared-org-token-0001", region = "eu-west-long" },
            restrict_to_following_tools = new[] { "GITHUB_STAR_A_REPOSITORY" },
        });
        AssertSuccess(response);
        var stored = await GetAsync(id);
        Assert.Equal(new[] { "GITHUB_STAR_A_REPOSITORY" }, stored["restrict_to_following_tools"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("shar...", stored["shared_credentials"]!["org_token"]!.GetValue<string>());

        // Merged key by key: a null removes one key, the others stay.
        await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"default\",\"shared_credentials\":{\"region\":null,\"extra\":\"another-value-1\"}}")!);
        var merged = (await GetAsync(id))["shared_credentials"]!.AsObject();
        Assert.Equal(new[] { "org_token", "extra" }, merged.Select(kv => kv.Key));

        await Api.PatchAsync("auth_configs/" + id, new { type = "default", restrict_to_following_tools = Array.Empty<string>() });
        Assert.Empty((await GetAsync(id))["restrict_to_following_tools"]!.AsArray());
    }

    [Fact]
    public async Task CustomUpdate_MergesSharedCredentials_AndTakesTheDeprecatedRestriction()
    {
        var id = await Api.CreateCustomNotionAsync("shared");
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "custom", shared_credentials = new { team = "team-shared-secret-1" } }));
        Assert.Equal("team...", (await GetAsync(id))["shared_credentials"]!["team"]!.GetValue<string>());

        // The spec allows the deprecated top-level restriction on both variants (§9 item 1).
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "custom", restrict_to_following_tools = new[] { "NOTION_SEARCH" } }));
        Assert.Equal("NOTION_SEARCH", (await GetAsync(id))["restrict_to_following_tools"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyName_Is400_AndChangesNothing()
    {
        var id = await Api.CreateCustomNotionAsync("keep");
        var response = await Api.PatchAsync("auth_configs/" + id, new { type = "custom", name = "" });
        response.AssertError(400, "AuthConfig_ValidationError");
        Assert.Equal("keep", (await GetAsync(id))["name"]!.GetValue<string>());

        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "custom", name = "k" }));
        Assert.Equal("k", (await GetAsync(id))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task CimdOAuth_IsAKnownScheme_AndItsHiddenRequiredFieldTakesItsDefault()
    {
        var linear = (await Api.GetAsync("toolkits/linear")).Obj;
        var cimd = linear["auth_config_details"]!.AsArray().Single(d => d!["mode"]!.GetValue<string>() == "CIMD_OAUTH")!;
        var hidden = cimd["fields"]!["auth_config_creation"]!["required"]![0]!;
        Assert.False(hidden["user_visible"]!.GetValue<bool>());
        Assert.Equal(new[] { "read" }, cimd["required_scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        // The required client_id is not the user's to give: no 400, the default is stored.
        var id = await Api.CreateAsync("linear", new { type = "use_custom_auth", authScheme = "CIMD_OAUTH", credentials = new { } });
        var stored = await GetAsync(id);
        Assert.Equal("CIMD_OAUTH", stored["auth_scheme"]!.GetValue<string>());
        Assert.Equal(hidden["default"]!.GetValue<string>(), stored["credentials"]!["client_id"]!.GetValue<string>());

        // Removing it later puts the default back rather than failing.
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"custom\",\"credentials\":{\"client_id\":null}}")!));
        Assert.Equal(hidden["default"]!.GetValue<string>(), (await GetAsync(id))["credentials"]!["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task VisibleRequiredFields_AreStillDemanded()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "linear" }, auth_config = new { type = "use_custom_auth", authScheme = "OAUTH2", credentials = new { } } });
        Assert.Equal(400, response.Code);
        Assert.Equal("Missing required field \"Client id\" for auth scheme \"OAUTH2\" in toolkit \"linear\"", response.ErrorMessage);
    }

    [Fact]
    public async Task ToolsForConnectedAccountCreation_SetTheirLeastPrivilegeScopes()
    {
        var id = await Api.CreateAsync("github", new
        {
            type = "use_composio_managed_auth",
            tool_access_config = new { tools_for_connected_account_creation = new[] { "GITHUB_CREATE_A_GIST", "GITHUB_GET_THE_AUTHENTICATED_USER", "GITHUB_NOT_IN_THE_MAP" } },
        });
        Assert.Equal("gist,read:user", (await GetAsync(id))["credentials"]!["scopes"]!.GetValue<string>());

        // An update naming tools sets the scopes again; scopes given in the same request win.
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "default", tool_access_config = new { tools_for_connected_account_creation = new[] { "GITHUB_LIST_NOTIFICATIONS" } } }));
        Assert.Equal("notifications", (await GetAsync(id))["credentials"]!["scopes"]!.GetValue<string>());
        AssertSuccess(await Api.PatchAsync("auth_configs/" + id, new { type = "default", scopes = "repo", tool_access_config = new { tools_for_connected_account_creation = new[] { "GITHUB_CREATE_A_GIST" } } }));
        Assert.Equal("repo", (await GetAsync(id))["credentials"]!["scopes"]!.GetValue<string>());

        var custom = await Api.CreateAsync("gmail", new
        {
            type = "use_custom_auth", authScheme = "OAUTH2",
            credentials = new { client_id = "c", client_secret = "gmail-secret-value-1" },
            tool_access_config = new { tools_for_connected_account_creation = new[] { "GMAIL_SEND_EMAIL" } },
        });
        Assert.Equal("https://www.googleapis.com/auth/gmail.send", (await GetAsync(custom))["credentials"]!["scopes"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToolkitSchemes_CarryRequiredScopes_ThatTheToolkitOffers()
    {
        var gmail = (await Api.GetAsync("toolkits/gmail")).Obj;
        var oauth = gmail["auth_config_details"]!.AsArray().Single(d => d!["mode"]!.GetValue<string>() == "OAUTH2")!;
        var required = oauth["required_scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.NotEmpty(required);
        var available = gmail["composio_managed_auth"]![0]!["scopes"]!["available"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.Superset(required.ToHashSet(), available.ToHashSet());
        // The scope maps behind the scope endpoints are the emulator's own data, never served.
        Assert.False(gmail.ContainsKey("emulator_scopes"));
    }
}
