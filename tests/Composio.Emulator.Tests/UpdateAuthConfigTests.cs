using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>PATCH /auth_configs/{id}: true PATCH semantics.</summary>
public sealed class UpdateAuthConfigTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private async Task<JsonObject> GetAsync(string id) => (await Api.GetAsync("auth_configs/" + id)).Obj;

    [Fact]
    public async Task RotatingClientSecretAlone_KeepsClientIdAndTheRest()
    {
        var id = await Api.CreateCustomNotionAsync("rotate", "old-secret-value-0001");
        var response = await Api.PatchAsync("auth_configs/" + id, new { type = "custom", credentials = new { client_secret = "new-secret-value-0002" }, tool_access_config = new { } });
        Assert.Equal(200, response.Code);
        Assert.True(response.Obj["success"]!.GetValue<bool>());
        var credentials = (await GetAsync(id))["credentials"]!;
        Assert.Equal("1234567890", credentials["client_id"]!.GetValue<string>());
        Assert.Equal("new-...", credentials["client_secret"]!.GetValue<string>());
        Assert.NotNull(credentials["oauth_redirect_uri"]);
        Assert.Equal("rotate", (await GetAsync(id))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyToolAccessConfig_ChangesNothing_NullClears_KeysMerge()
    {
        var id = await Api.CreateAsync("github", new { type = "use_composio_managed_auth", tool_access_config = new { tools_for_connected_account_creation = new[] { "GITHUB_STAR" } } });
        await Api.PatchAsync("auth_configs/" + id, new { type = "default", tool_access_config = new { } });
        Assert.Equal("GITHUB_STAR", (await GetAsync(id))["tool_access_config"]!["tools_for_connected_account_creation"]![0]!.GetValue<string>());

        await Api.PatchAsync("auth_configs/" + id, new { type = "default", tool_access_config = new { tools_available_for_execution = new[] { "GITHUB_LIST" } } });
        var merged = (await GetAsync(id))["tool_access_config"]!.AsObject();
        Assert.Equal(2, merged.Count);

        await Api.PatchAsync("auth_configs/" + id, new { type = "default", tool_access_config = new { tools_for_connected_account_creation = Array.Empty<string>() } });
        Assert.Empty((await GetAsync(id))["tool_access_config"]!["tools_for_connected_account_creation"]!.AsArray());

        await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"default\",\"tool_access_config\":null}")!);
        Assert.Empty((await GetAsync(id))["tool_access_config"]!.AsObject());
    }

    [Fact]
    public async Task NullCredentialKey_RemovesIt_ButRequiredOnesCannotGo()
    {
        var id = await Api.CreateCustomNotionAsync("remove-key");
        var ok = await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"custom\",\"credentials\":{\"oauth_redirect_uri\":null}}")!);
        Assert.Equal(200, ok.Code);
        Assert.False((await GetAsync(id))["credentials"]!.AsObject().ContainsKey("oauth_redirect_uri"));

        var bad = await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"custom\",\"credentials\":{\"client_id\":null}}")!);
        Assert.Equal(400, bad.Code);
        Assert.Equal("Missing required field \"Client id\" for auth scheme \"OAUTH2\" in toolkit \"notion\"", bad.ErrorMessage);
        Assert.Equal("1234567890", (await GetAsync(id))["credentials"]!["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OmittedFields_ArePreserved_AndLastUpdatedMoves()
    {
        var id = await Api.CreateAsync("notion", new
        {
            type = "use_custom_auth", authScheme = "OAUTH2", name = "keep me",
            credentials = new { client_id = "a", client_secret = "b-long-secret-value" },
            proxy_config = new { proxy_url = "https://proxy.test" },
            is_enabled_for_tool_router = true,
        });
        var before = await GetAsync(id);
        await Task.Delay(20);
        Assert.Equal(200, (await Api.PatchAsync("auth_configs/" + id, new { type = "custom", name = "renamed" })).Code);
        var after = await GetAsync(id);
        Assert.Equal("renamed", after["name"]!.GetValue<string>());
        Assert.Equal("https://proxy.test", after["proxy_config"]!["proxy_url"]!.GetValue<string>());
        Assert.True(after["is_enabled_for_tool_router"]!.GetValue<bool>());
        Assert.Equal(before["credentials"]!.ToJsonString(), after["credentials"]!.ToJsonString());
        Assert.Equal(before["created_at"]!.GetValue<string>(), after["created_at"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(after["last_updated_at"]!.GetValue<string>()) > DateTimeOffset.Parse(before["last_updated_at"]!.GetValue<string>()));

        await Api.PatchAsync("auth_configs/" + id, JsonNode.Parse("{\"type\":\"custom\",\"proxy_config\":null,\"is_enabled_for_tool_router\":false}")!);
        var cleared = await GetAsync(id);
        Assert.Null(cleared["proxy_config"]);
        Assert.False(cleared["is_enabled_for_tool_router"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DefaultType_ScopesAndUserScopes()
    {
        var id = await Api.CreateAsync("slack", new { type = "use_composio_managed_auth", credentials = new { scopes = "chat:write" } });
        Assert.Equal(200, (await Api.PatchAsync("auth_configs/" + id, new { type = "default", user_scopes = new[] { "users:read", "chat:write" } })).Code);
        var credentials = (await GetAsync(id))["credentials"]!;
        Assert.Equal("chat:write", credentials["scopes"]!.GetValue<string>());
        Assert.Equal(2, credentials["user_scopes"]!.AsArray().Count);

        await Api.PatchAsync("auth_configs/" + id, new { type = "default", scopes = "channels:read,chat:write" });
        Assert.Equal("channels:read,chat:write", (await GetAsync(id))["credentials"]!["scopes"]!.GetValue<string>());

        await Api.PatchAsync("auth_configs/" + id, new { type = "default", scopes = Array.Empty<string>(), user_scopes = (string?)null });
        Assert.Empty((await GetAsync(id))["credentials"]!.AsObject());
    }

    [Fact]
    public async Task TypeMismatch_Is400_AndChangesNothing()
    {
        var id = await Api.CreateCustomNotionAsync("mismatch");
        var response = await Api.PatchAsync("auth_configs/" + id, new { type = "default", name = "nope" });
        response.AssertError(400, "AuthConfig_ValidationError");
        Assert.Equal("mismatch", (await GetAsync(id))["name"]!.GetValue<string>());

        var managed = await Api.CreateAsync("github");
        Assert.Equal(400, (await Api.PatchAsync("auth_configs/" + managed, new { type = "custom", credentials = new { client_id = "x" } })).Code);
    }

    [Theory]
    [InlineData("{\"name\":\"no type\"}")]
    [InlineData("{\"type\":\"weird\"}")]
    [InlineData("{\"type\":\"default\",\"credentials\":{\"scopes\":\"a\"}}")]
    [InlineData("{\"type\":\"default\",\"scopes\":7}")]
    [InlineData("not json")]
    public async Task BadBodies_Are400(string body)
    {
        var id = await Api.CreateAsync("github");
        var response = await Api.PatchAsync("auth_configs/" + id, body);
        Assert.Equal(400, response.Code);
    }

    [Fact]
    public async Task UnknownId_Is404()
    {
        var response = await Api.PatchAsync("auth_configs/ac_missing00000", new { type = "custom", name = "x" });
        response.AssertError(404, "AuthConfig_NotFound");
    }
}
