using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

public sealed class RetrieveAuthConfigTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    public static readonly string[] Fields =
    {
        "id", "uuid", "type", "toolkit", "name", "auth_scheme", "is_composio_managed", "credentials", "proxy_config",
        "status", "created_by", "created_at", "last_updated_at", "no_of_connections", "expected_input_fields",
        "tool_access_config", "restrict_to_following_tools", "shared_credentials", "is_enabled_for_tool_router",
    };

    internal static void AssertFullShape(JsonObject config)
    {
        foreach (var field in Fields)
        {
            Assert.True(config.ContainsKey(field), $"missing {field} in {config.ToJsonString()}");
        }
        Assert.True(Guid.TryParse(config["uuid"]!.GetValue<string>(), out _));
        Assert.Contains(config["status"]!.GetValue<string>(), new[] { "ENABLED", "DISABLED" });
        Assert.Contains(config["type"]!.GetValue<string>(), new[] { "default", "custom" });
        Assert.NotNull(config["toolkit"]!["logo"]);
        foreach (var stamp in new[] { "created_at", "last_updated_at" })
        {
            var text = config[stamp]!.GetValue<string>();
            Assert.EndsWith("Z", text);
            Assert.True(DateTimeOffset.TryParse(text, out _), text);
        }
        Assert.Equal(0, config["no_of_connections"]!.GetValue<int>());
        Assert.IsType<JsonArray>(config["expected_input_fields"]);
        Assert.IsType<JsonObject>(config["credentials"]);
    }

    [Fact]
    public async Task Retrieve_ReturnsObjectWithoutEnvelope()
    {
        var id = await Api.CreateCustomNotionAsync("retrieved");
        var response = await Api.GetAsync("auth_configs/" + id);
        Assert.Equal(200, response.Code);
        AssertFullShape(response.Obj);
        Assert.Equal(id, response.Obj["id"]!.GetValue<string>());
        Assert.Equal("ENABLED", response.Obj["status"]!.GetValue<string>());
        Assert.Equal("OAUTH2", response.Obj["auth_scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownId_Is404()
    {
        var response = await Api.GetAsync("auth_configs/ac_doesnotexist");
        response.AssertError(404, "AuthConfig_NotFound");
        Assert.Equal(404, response.Error["status"]!.GetValue<int>());
        Assert.Contains("ac_doesnotexist", response.ErrorMessage);
    }

    [Fact]
    public async Task Secrets_AreMaskedOnReads_IdentifiersAreNot()
    {
        const string secret = "super-secret-client-value-123";
        var id = await Api.CreateCustomNotionAsync("masked", secret);
        var response = await Api.GetAsync("auth_configs/" + id);
        var credentials = response.Obj["credentials"]!;
        Assert.Equal("1234567890", credentials["client_id"]!.GetValue<string>());
        Assert.Equal("supe...", credentials["client_secret"]!.GetValue<string>());
        Assert.Equal("https://backend.composio.dev/api/v3/toolkits/auth/callback", credentials["oauth_redirect_uri"]!.GetValue<string>());
        Assert.DoesNotContain(secret, response.Text);

        var list = await Api.GetAsync("auth_configs");
        Assert.DoesNotContain(secret, list.Text);
    }

    [Fact]
    public async Task ShortSecrets_AreFullyHidden_AndSecretLookingKeysToo()
    {
        var id = await Api.CreateAsync("twitter", new
        {
            type = "use_custom_auth",
            authScheme = "OAUTH2",
            credentials = new { client_id = "cid", client_secret = "short", generic_id = "twitter-app-bearer-token-xyz", api_token = "tok-abcdefghijklmnop", my_password = "pw" },
        });
        var credentials = (await Api.GetAsync("auth_configs/" + id)).Obj["credentials"]!;
        Assert.Matches("^\\*+$", credentials["client_secret"]!.GetValue<string>());
        Assert.Equal("twit...", credentials["generic_id"]!.GetValue<string>()); // is_secret in the catalog
        Assert.Equal("tok-...", credentials["api_token"]!.GetValue<string>());
        Assert.Matches("^\\*+$", credentials["my_password"]!.GetValue<string>());
        Assert.Equal("cid", credentials["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpectedInputFields_AreTheSchemesInitiationFields()
    {
        var id = await Api.CreateAsync("notion", new { type = "use_custom_auth", authScheme = "API_KEY" });
        var fields = (await Api.GetAsync("auth_configs/" + id)).Obj["expected_input_fields"]!.AsArray();
        var field = Assert.Single(fields)!;
        Assert.Equal("generic_api_key", field["name"]!.GetValue<string>());
        Assert.Equal("API Key", field["displayName"]!.GetValue<string>());

        var supabase = await Api.CreateAsync("supabase", new { type = "use_custom_auth", authScheme = "API_KEY" });
        var names = (await Api.GetAsync("auth_configs/" + supabase)).Obj["expected_input_fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
        Assert.Equal(new[] { "full", "bearer_token" }, names);
    }

    [Fact]
    public async Task V3AndV31_ServeTheSameConfig()
    {
        var id = await Api.CreateCustomNotionAsync("both versions");
        using var v3 = Fixture.Emulator.Client(version: "v3");
        var a = (await Api.GetAsync("auth_configs/" + id)).Obj;
        var b = (await v3.GetAsync("auth_configs/" + id)).Obj;
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }
}
