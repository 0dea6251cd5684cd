using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Composio.Emulator.Tests;

/// <summary>POST /auth_configs, starting with the four bodies of the programmatic-auth-configs doc.</summary>
public sealed class CreateAuthConfigTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static readonly Regex IdPattern = new("^ac_[A-Za-z0-9]{12}$");

    [Fact]
    public async Task Doc_GithubManaged_Returns201WithExactShape()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "github" }, auth_config = new { type = "use_composio_managed_auth" } });
        Assert.Equal(201, response.Code);
        var obj = response.Obj;
        Assert.Equal(new[] { "toolkit", "auth_config" }, obj.Select(kv => kv.Key));
        Assert.Equal("github", obj["toolkit"]!["slug"]!.GetValue<string>());
        var ac = obj["auth_config"]!.AsObject();
        Assert.Equal(new[] { "id", "auth_scheme", "is_composio_managed", "restrict_to_following_tools" }, ac.Select(kv => kv.Key));
        Assert.Matches(IdPattern, ac["id"]!.GetValue<string>());
        Assert.Equal("OAUTH2", ac["auth_scheme"]!.GetValue<string>());
        Assert.True(ac["is_composio_managed"]!.GetValue<bool>());
        Assert.Empty(ac["restrict_to_following_tools"]!.AsArray());
    }

    [Fact]
    public async Task Doc_NotionCustomOAuth2_Returns201()
    {
        var response = await Api.PostAsync("auth_configs", new
        {
            toolkit = new { slug = "NOTION" },
            auth_config = new
            {
                name = "Notion",
                type = "use_custom_auth",
                credentials = new { client_id = "1234567890", client_secret = "1234567890", oauth_redirect_uri = "https://backend.composio.dev/api/v3/toolkits/auth/callback" },
                authScheme = "OAUTH2",
            },
        });
        Assert.Equal(201, response.Code);
        Assert.Matches(IdPattern, response.Obj["auth_config"]!["id"]!.GetValue<string>());
        Assert.Equal("notion", response.Obj["toolkit"]!["slug"]!.GetValue<string>());
        Assert.False(response.Obj["auth_config"]!["is_composio_managed"]!.GetValue<bool>());

        var stored = (await Api.GetAsync("auth_configs/" + response.Obj["auth_config"]!["id"])).Obj;
        Assert.Equal("custom", stored["type"]!.GetValue<string>());
        Assert.Equal("Notion", stored["name"]!.GetValue<string>());
        Assert.Equal("notion", stored["toolkit"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Doc_NotionWithoutClientSecret_Is400NamingTheDisplayName()
    {
        var response = await Api.PostAsync("auth_configs", new
        {
            toolkit = new { slug = "notion" },
            auth_config = new { type = "use_custom_auth", authScheme = "OAUTH2", credentials = new { client_id = "1234567890" } },
        });
        Assert.Equal(400, response.Code);
        Assert.Equal("Missing required field \"Client secret\" for auth scheme \"OAUTH2\" in toolkit \"notion\"", response.ErrorMessage);
        Assert.Equal("AuthConfig_ValidationError", response.ErrorSlug);
        Assert.StartsWith("req_", response.Error["request_id"]!.GetValue<string>());
        Assert.Equal(0, (await Api.GetAsync("auth_configs")).Obj["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task EmptyStringCountsAsMissing_AndAllMissingAreListed()
    {
        var response = await Api.PostAsync("auth_configs", new
        {
            toolkit = new { slug = "Notion" },
            auth_config = new { type = "use_custom_auth", authScheme = "oauth2", credentials = new { client_id = "", client_secret = " " } },
        });
        Assert.Equal(400, response.Code);
        Assert.Equal("Missing required field \"Client id\" for auth scheme \"OAUTH2\" in toolkit \"notion\"", response.ErrorMessage);
        Assert.Equal(2, response.Error["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Doc_HubspotManagedWithScopes_Returns201AndKeepsScopes()
    {
        var id = await Api.CreateAsync("HUBSPOT", new { name = "HubspotConfig", type = "use_composio_managed_auth", credentials = new { scopes = "sales-email-read,tickets" } });
        var stored = (await Api.GetAsync("auth_configs/" + id)).Obj;
        Assert.Equal("hubspot", stored["toolkit"]!["slug"]!.GetValue<string>());
        Assert.Equal("HubspotConfig", stored["name"]!.GetValue<string>());
        Assert.Equal("default", stored["type"]!.GetValue<string>());
        Assert.True(stored["is_composio_managed"]!.GetValue<bool>());
        Assert.Equal("sales-email-read,tickets", stored["credentials"]!["scopes"]!.GetValue<string>());
    }

    [Fact]
    public async Task Doc_PythonHubspotWithAuthScheme_IsAccepted()
    {
        var id = await Api.CreateAsync("HUBSPOT", new { name = "HubspotConfig", authScheme = "OAUTH2", type = "use_composio_managed_auth", credentials = new { scopes = "sales-email-read,tickets" } });
        Assert.Equal("OAUTH2", (await Api.GetAsync("auth_configs/" + id)).Obj["auth_scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScopesAsArray_AreAccepted()
    {
        var id = await Api.CreateAsync("github", new { type = "use_composio_managed_auth", credentials = new { scopes = new[] { "repo", "user" } } });
        var scopes = (await Api.GetAsync("auth_configs/" + id)).Obj["credentials"]!["scopes"]!.AsArray();
        Assert.Equal(new[] { "repo", "user" }, scopes.Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task ScopesOfWrongType_Is400()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "github" }, auth_config = new { type = "use_composio_managed_auth", credentials = new { scopes = 5 } } });
        Assert.Equal(400, response.Code);
    }

    [Fact]
    public async Task Doc_PerplexityCustomApiKeyWithEmptyCredentials_Returns201()
    {
        var response = await Api.PostAsync("auth_configs", new
        {
            toolkit = new { slug = "PERPLEXITYAI" },
            auth_config = new { name = "Perplexity AI", type = "use_custom_auth", credentials = new { }, authScheme = "API_KEY" },
        });
        Assert.Equal(201, response.Code);
        Assert.Equal("API_KEY", response.Obj["auth_config"]!["auth_scheme"]!.GetValue<string>());
        Assert.False(response.Obj["auth_config"]!["is_composio_managed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ManagedOnToolkitWithoutManagedAuth_Is400()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "perplexityai" }, auth_config = new { type = "use_composio_managed_auth" } });
        Assert.Equal(400, response.Code);
        Assert.Contains("perplexityai", response.ErrorMessage);
        Assert.Contains("API_KEY", response.Error["suggested_fix"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoAuthConfig_DefaultsToManagedWithSensibleName()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "github" } });
        Assert.Equal(201, response.Code);
        var stored = (await Api.GetAsync("auth_configs/" + response.Obj["auth_config"]!["id"])).Obj;
        Assert.Equal("GitHub Auth", stored["name"]!.GetValue<string>());
        Assert.Equal("default", stored["type"]!.GetValue<string>());
        Assert.Empty(stored["credentials"]!.AsObject());
    }

    [Fact]
    public async Task SchemeNotOffered_Is400ListingValidSchemes()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "notion" }, auth_config = new { type = "use_custom_auth", authScheme = "BASIC", credentials = new { } } });
        Assert.Equal(400, response.Code);
        Assert.Contains("BASIC", response.ErrorMessage);
        Assert.Contains("OAUTH2, API_KEY", response.ErrorMessage);
    }

    [Fact]
    public async Task ManagedWithUnmanagedScheme_Is400()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "gmail" }, auth_config = new { type = "use_composio_managed_auth", authScheme = "BEARER_TOKEN" } });
        Assert.Equal(400, response.Code);
        Assert.Contains("OAUTH2", response.ErrorMessage);
    }

    [Fact]
    public async Task CustomWithoutAuthScheme_Is400_HintingCamelCase()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "notion" }, auth_config = new { type = "use_custom_auth", auth_scheme = "OAUTH2", credentials = new { client_id = "a", client_secret = "b" } } });
        Assert.Equal(400, response.Code);
        Assert.Contains("authScheme", response.Error["suggested_fix"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"toolkit\":{\"slug\":\"doesnotexist\"}}", "Toolkit_NotFound")]
    [InlineData("{\"toolkit\":{}}", "AuthConfig_ValidationError")]
    [InlineData("{\"auth_config\":{\"type\":\"use_composio_managed_auth\"}}", "AuthConfig_ValidationError")]
    [InlineData("{\"toolkit\":{\"slug\":5}}", "AuthConfig_ValidationError")]
    [InlineData("{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"type\":\"bogus\"}}", "AuthConfig_ValidationError")]
    [InlineData("{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"name\":\"no type\"}}", "AuthConfig_ValidationError")]
    [InlineData("not json", "AuthConfig_ValidationError")]
    [InlineData("[1,2]", "AuthConfig_ValidationError")]
    public async Task InvalidBodies_Are400(string body, string slug)
    {
        var response = await Api.PostAsync("auth_configs", body);
        response.AssertError(400, slug);
        Assert.Equal(400, response.Error["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task EmptyBody_Is400()
    {
        var request = Api.Request(HttpMethod.Post, "auth_configs");
        var response = await Api.SendAsync(request);
        Assert.Equal(400, response.Code);
    }

    [Theory]
    [InlineData("twitter", "OAUTH2", "Application Bearer Token")]
    [InlineData("outlook", "S2S_OAUTH2", "Tenant ID")]
    [InlineData("freshdesk", "BASIC", "Password")]
    [InlineData("sendgrid", "API_KEY", "API Key")]
    public async Task ToolkitSpecificRequiredFields_AreEnforced(string toolkit, string scheme, string displayName)
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = toolkit }, auth_config = new { type = "use_custom_auth", authScheme = scheme, credentials = new { client_id = "x", client_secret = "y", username = "u" } } });
        Assert.Equal(400, response.Code);
        Assert.Equal($"Missing required field \"{displayName}\" for auth scheme \"{scheme}\" in toolkit \"{toolkit}\"", response.ErrorMessage);
    }

    [Fact]
    public async Task OptionalProperties_AreStored()
    {
        var id = await Api.CreateAsync("notion", new
        {
            type = "use_custom_auth",
            authScheme = "OAUTH2",
            credentials = new { client_id = "cid", client_secret = "csecret-long-value" },
            proxy_config = new { proxy_url = "https://proxy.example.test", proxy_auth_key = "pk" },
            tool_access_config = new { tools_for_connected_account_creation = new[] { "NOTION_SEARCH" } },
            is_enabled_for_tool_router = true,
            shared_credentials = new { team = "team-shared-secret-1" },
        });
        var stored = (await Api.GetAsync("auth_configs/" + id)).Obj;
        Assert.Equal("https://proxy.example.test", stored["proxy_config"]!["proxy_url"]!.GetValue<string>());
        Assert.Equal("NOTION_SEARCH", stored["tool_access_config"]!["tools_for_connected_account_creation"]![0]!.GetValue<string>());
        Assert.True(stored["is_enabled_for_tool_router"]!.GetValue<bool>());
        // Shared credentials are secrets: reads mask every value, like secret credential fields.
        Assert.Equal("team...", stored["shared_credentials"]!["team"]!.GetValue<string>());
        Assert.Equal("Notion Auth", stored["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProxyWithoutUrl_Is400()
    {
        var response = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "perplexityai" }, auth_config = new { type = "use_custom_auth", authScheme = "API_KEY", proxy_config = new { proxy_auth_key = "k" } } });
        Assert.Equal(400, response.Code);
    }

    [Fact]
    public async Task NoAuthToolkit_CustomNoAuthWorks_ManagedDoesNot()
    {
        var custom = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "composio" }, auth_config = new { type = "use_custom_auth", authScheme = "NO_AUTH" } });
        Assert.Equal(201, custom.Code);
        var managed = await Api.PostAsync("auth_configs", new { toolkit = new { slug = "composio" } });
        Assert.Equal(400, managed.Code);
    }

    [Fact]
    public async Task NumberAndBooleanCredentialValues_AreAccepted()
    {
        var body = JsonNode.Parse("""{"toolkit":{"slug":"notion"},"auth_config":{"type":"use_custom_auth","authScheme":"OAUTH2","credentials":{"client_id":12345,"client_secret":true}}}""");
        var response = await Api.PostAsync("auth_configs", body!);
        Assert.Equal(201, response.Code);
    }
}
