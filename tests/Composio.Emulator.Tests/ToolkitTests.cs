using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

public sealed class ToolkitTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static readonly string[] SeedToolkits =
        { "github", "gmail", "notion", "slack", "hubspot", "perplexityai", "outlook", "supabase", "twitter", "composio" };

    private async Task<JsonObject> ToolkitAsync(string slug)
    {
        var response = await Api.GetAsync("toolkits/" + slug);
        Assert.Equal(200, response.Code);
        return response.Obj;
    }

    private static JsonObject Detail(JsonObject toolkit, string mode) =>
        toolkit["auth_config_details"]!.AsArray().Single(d => d!["mode"]!.GetValue<string>() == mode)!.AsObject();

    private static JsonArray Group(JsonObject detail, string group, string kind) =>
        detail["fields"]![group]![kind]!.AsArray();

    private static JsonObject Field(JsonObject detail, string group, string name) =>
        Group(detail, group, "required").Concat(Group(detail, group, "optional")).Single(f => f!["name"]!.GetValue<string>() == name)!.AsObject();

    private static List<string> Slugs(ApiResponse page) =>
        page.Obj["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("NOTION")]
    [InlineData("Notion")]
    [InlineData("notion")]
    public async Task Retrieve_IsCaseInsensitive_AndSlugComesBackLowercase(string slug)
    {
        Assert.Equal("notion", (await ToolkitAsync(slug))["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retrieve_Unknown_Is404()
    {
        var response = await Api.GetAsync("toolkits/not_a_toolkit");
        response.AssertError(404, "Toolkit_NotFound");
    }

    [Fact]
    public async Task Retrieve_Version()
    {
        Assert.Equal(200, (await Api.GetAsync("toolkits/github?version=latest")).Code);
        var version = (await ToolkitAsync("github"))["meta"]!["version"]!.GetValue<string>();
        Assert.Equal(200, (await Api.GetAsync("toolkits/github?version=" + version)).Code);
        Assert.Equal(404, (await Api.GetAsync("toolkits/github?version=19990101_00")).Code);
    }

    [Fact]
    public async Task Retrieve_HasTheFullShape()
    {
        var github = await ToolkitAsync("github");
        foreach (var key in new[] { "slug", "name", "type", "enabled", "composio_managed_auth_schemes", "composio_managed_auth", "auth_config_details", "base_url", "auth_guide_url", "meta", "deprecated" })
        {
            Assert.True(github.ContainsKey(key), key);
        }
        Assert.Equal(new[] { "OAUTH2" }, github["composio_managed_auth_schemes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var managed = github["composio_managed_auth"]![0]!;
        Assert.Equal("OAUTH2", managed["mode"]!.GetValue<string>());
        Assert.Contains("repo", managed["scopes"]!["available"]!.AsArray().Select(s => s!.GetValue<string>()));
        var category = github["meta"]!["categories"]![0]!.AsObject();
        Assert.True(category.ContainsKey("name") && category.ContainsKey("slug"));
    }

    [Fact]
    public async Task StandardOAuth2Fields_MatchTheRealRecords()
    {
        var detail = Detail(await ToolkitAsync("github"), "OAUTH2");
        Assert.Equal("github_oauth", detail["name"]!.GetValue<string>());
        var required = Group(detail, "auth_config_creation", "required");
        Assert.Equal(new[] { "client_id", "client_secret" }, required.Select(f => f!["name"]!.GetValue<string>()));
        var clientId = required[0]!;
        Assert.Equal("Client id", clientId["displayName"]!.GetValue<string>());
        Assert.Equal("Client id of the app", clientId["description"]!.GetValue<string>());
        Assert.Equal("string", clientId["type"]!.GetValue<string>());
        Assert.True(clientId["required"]!.GetValue<bool>());
        Assert.False(clientId["is_secret"]!.GetValue<bool>());
        Assert.Equal("Client secret", required[1]!["displayName"]!.GetValue<string>());
        Assert.True(required[1]!["is_secret"]!.GetValue<bool>());

        var redirect = Field(detail, "auth_config_creation", "oauth_redirect_uri");
        Assert.Equal("Redirect URI", redirect["displayName"]!.GetValue<string>());
        Assert.Equal("https://backend.composio.dev/api/v1/auth-apps/add", redirect["default"]!.GetValue<string>());
        Assert.Equal("Add this Redirect URL to your app's OAuth allow list.", redirect["description"]!.GetValue<string>());
        var scopes = Field(detail, "auth_config_creation", "scopes");
        Assert.Equal("Scopes", scopes["displayName"]!.GetValue<string>());
        Assert.Equal("Scopes to request from the user, comma separated", scopes["description"]!.GetValue<string>());
        Assert.Equal("repo,user,gist,notifications,project,workflow,codespace", scopes["default"]!.GetValue<string>());
        Assert.False(scopes["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ToolkitSpecificFields_MatchSection7()
    {
        var gmail = await ToolkitAsync("gmail");
        var bearer = Field(Detail(gmail, "OAUTH2"), "auth_config_creation", "bearer_token");
        Assert.Equal("Access Token", bearer["displayName"]!.GetValue<string>());
        Assert.Equal("access_token", bearer["legacy_template_name"]!.GetValue<string>());
        Assert.Equal("gmail_bearer", Detail(gmail, "BEARER_TOKEN")["name"]!.GetValue<string>());
        Assert.Equal("token", Group(Detail(gmail, "BEARER_TOKEN"), "connected_account_initiation", "required")[0]!["name"]!.GetValue<string>());

        var notion = await ToolkitAsync("notion");
        Assert.Equal("", Field(Detail(notion, "OAUTH2"), "auth_config_creation", "scopes")["default"]!.GetValue<string>());
        var apiKey = Detail(notion, "API_KEY");
        Assert.Equal("notion_api_key", apiKey["name"]!.GetValue<string>());
        Assert.Equal("API Key", Field(apiKey, "connected_account_initiation", "generic_api_key")["displayName"]!.GetValue<string>());

        var slack = Detail(await ToolkitAsync("slack"), "OAUTH2");
        Assert.Equal("User Scopes", Field(slack, "auth_config_creation", "scopes")["displayName"]!.GetValue<string>());
        Assert.NotNull(Field(slack, "auth_config_creation", "verification_token"));

        var pplx = await ToolkitAsync("perplexityai");
        Assert.Empty(pplx["composio_managed_auth_schemes"]!.AsArray());
        var pplxDetail = Detail(pplx, "API_KEY");
        Assert.Equal("pplx_scheme", pplxDetail["name"]!.GetValue<string>());
        Assert.Empty(Group(pplxDetail, "auth_config_creation", "required"));
        Assert.Empty(Group(pplxDetail, "auth_config_creation", "optional"));
        Assert.Equal("generic_api_key", Group(pplxDetail, "connected_account_initiation", "required")[0]!["name"]!.GetValue<string>());

        var s2s = Detail(await ToolkitAsync("outlook"), "S2S_OAUTH2");
        Assert.Equal(new[] { "Client ID", "Client secret", "Tenant ID" }, Group(s2s, "auth_config_creation", "required").Select(f => f!["displayName"]!.GetValue<string>()));

        var supabase = Detail(await ToolkitAsync("supabase"), "API_KEY");
        Assert.Equal("supabase_api_key", supabase["name"]!.GetValue<string>());
        var full = Field(supabase, "connected_account_initiation", "full");
        Assert.Equal("Base URL", full["displayName"]!.GetValue<string>());
        Assert.Equal("https://api.supabase.com", full["default"]!.GetValue<string>());
        Assert.NotNull(Field(supabase, "connected_account_initiation", "bearer_token"));

        var twitter = Detail(await ToolkitAsync("twitter"), "OAUTH2");
        Assert.Equal("Application Bearer Token", Field(twitter, "auth_config_creation", "generic_id")["displayName"]!.GetValue<string>());
        Assert.True(Field(twitter, "auth_config_creation", "generic_id")["required"]!.GetValue<bool>());

        var composio = await ToolkitAsync("composio");
        var noAuth = Detail(composio, "NO_AUTH");
        foreach (var group in new[] { "auth_config_creation", "connected_account_initiation" })
        {
            Assert.Empty(Group(noAuth, group, "required"));
            Assert.Empty(Group(noAuth, group, "optional"));
        }
    }

    [Fact]
    public async Task EveryCatalogField_IsWellFormed()
    {
        var page = await Api.GetAsync("toolkits?limit=50&include_deprecated=true");
        var slugs = Slugs(page);
        Assert.Superset(SeedToolkits.ToHashSet(), slugs.ToHashSet());
        var fieldNames = new HashSet<string>();
        foreach (var slug in slugs)
        {
            var toolkit = await ToolkitAsync(slug);
            foreach (var detail in toolkit["auth_config_details"]!.AsArray())
            {
                Assert.Equal(detail!["mode"]!.GetValue<string>().ToUpperInvariant(), detail["mode"]!.GetValue<string>());
                // Required in the 2026 spec (§8 item 4): a list, possibly empty.
                Assert.All(detail["required_scopes"]!.AsArray(), s => Assert.False(string.IsNullOrEmpty(s!.GetValue<string>())));
                foreach (var group in new[] { "auth_config_creation", "connected_account_initiation" })
                {
                    foreach (var kind in new[] { "required", "optional" })
                    {
                        foreach (var field in Group(detail.AsObject(), group, kind))
                        {
                            var f = field!.AsObject();
                            fieldNames.Add(f["name"]!.GetValue<string>());
                            Assert.False(string.IsNullOrEmpty(f["displayName"]!.GetValue<string>()));
                            Assert.Equal("string", f["type"]!.GetValue<string>());
                            Assert.Equal(kind == "required", f["required"]!.GetValue<bool>());
                            Assert.True(f.ContainsKey("default") && f.ContainsKey("is_secret") && f.ContainsKey("description"));
                            var visible = f["user_visible"]!.GetValue<bool>();
                            // A hidden field is filled from its default, so it must have one.
                            Assert.True(visible || f["default"] is not null, $"{slug}: hidden field {f["name"]} has no default");
                        }
                    }
                }
            }
        }
        // Awkward names the module's dynamic parameters must cope with.
        Assert.Superset(new HashSet<string> { "password", "api_key", "verbose", "debug", "name", "error_action", "type" }, fieldNames);
    }

    [Fact]
    public async Task List_ItemsHaveTheListShape()
    {
        var page = await Api.GetAsync("toolkits");
        Assert.Equal(200, page.Code);
        var github = page.Obj["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == "github")!.AsObject();
        foreach (var key in new[] { "slug", "name", "type", "auth_schemes", "composio_managed_auth_schemes", "no_auth", "is_local_toolkit", "auth_guide_url", "meta" })
        {
            Assert.True(github.ContainsKey(key), key);
        }
        foreach (var key in new[] { "description", "logo", "app_url", "categories", "tools_count", "triggers_count", "version", "created_at", "updated_at" })
        {
            Assert.True(github["meta"]!.AsObject().ContainsKey(key), key);
        }
        var category = github["meta"]!["categories"]![0]!.AsObject();
        Assert.True(category.ContainsKey("id") && category.ContainsKey("name"));
        Assert.Equal(new[] { "OAUTH2" }, github["auth_schemes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(github["no_auth"]!.GetValue<bool>());
        var composio = page.Obj["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == "composio")!;
        Assert.True(composio["no_auth"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_Filters()
    {
        var managed = Slugs(await Api.GetAsync("toolkits?managed_by=composio&limit=50"));
        Assert.Contains("github", managed);
        Assert.DoesNotContain("perplexityai", managed);
        Assert.DoesNotContain("composio", managed);
        var all = Slugs(await Api.GetAsync("toolkits?managed_by=all&limit=50"));
        Assert.Contains("perplexityai", all);
        Assert.Equal(all, Slugs(await Api.GetAsync("toolkits?managed_by=project&limit=50")));

        var crm = Slugs(await Api.GetAsync("toolkits?category=crm"));
        Assert.Equal(new[] { "hubspot" }, crm);

        Assert.Equal(new[] { "gmail" }, Slugs(await Api.GetAsync("toolkits?search=GMAI")));
        Assert.Contains("perplexityai", Slugs(await Api.GetAsync("toolkits?search=perplexity")));
        Assert.Empty(Slugs(await Api.GetAsync("toolkits?type=custom")));
        Assert.Equal(all, Slugs(await Api.GetAsync("toolkits?type=native&limit=50")));

        Assert.DoesNotContain("clickup_legacy", all);
        Assert.Contains("clickup_legacy", Slugs(await Api.GetAsync("toolkits?include_deprecated=true&limit=50")));
    }

    [Fact]
    public async Task List_SortsByUsageByDefault_OrAlphabetically()
    {
        var usage = Slugs(await Api.GetAsync("toolkits?limit=50"));
        Assert.Equal("github", usage[0]);
        Assert.Equal(usage, Slugs(await Api.GetAsync("toolkits?limit=50&sort_by=usage")));
        var alpha = (await Api.GetAsync("toolkits?limit=50&sort_by=alphabetically")).Obj["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(alpha.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), alpha);
    }

    [Theory]
    [InlineData("search=ab")]
    [InlineData("managed_by=nobody")]
    [InlineData("type=weird")]
    [InlineData("sort_by=random")]
    [InlineData("limit=0")]
    [InlineData("cursor=%%%")]
    [InlineData("include_deprecated=yes")]
    public async Task List_BadQuery_Is400(string query)
    {
        Assert.Equal(400, (await Api.GetAsync("toolkits?" + query)).Code);
    }

    [Fact]
    public async Task List_PagesWithCursor()
    {
        var all = Slugs(await Api.GetAsync("toolkits?limit=50"));
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.GetAsync("toolkits?limit=4" + (cursor is null ? "" : "&cursor=" + cursor));
            pages++;
            Assert.Equal(pages, page.Obj["current_page"]!.GetValue<int>());
            Assert.Equal(all.Count, page.Obj["total_items"]!.GetValue<int>());
            seen.AddRange(Slugs(page));
            cursor = page.Obj["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(all, seen);
        Assert.Equal((all.Count + 3) / 4, pages);
    }

    [Fact]
    public async Task Categories_AreAnEnvelopeOfIdAndName()
    {
        var page = await Api.GetAsync("toolkits/categories");
        Assert.Equal(200, page.Code);
        var items = page.Obj["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, c => Assert.Equal(new[] { "id", "name" }, c!.AsObject().Select(kv => kv.Key)));
        Assert.Contains(items, c => c!["id"]!.GetValue<string>() == "crm");
        Assert.Equal(items.Count, page.Obj["total_items"]!.GetValue<int>());
        Assert.Null(page.Obj["next_cursor"]);
    }

    [Fact]
    public async Task V3_ServesToolkitsToo()
    {
        using var v3 = Fixture.Emulator.Client(version: "v3");
        Assert.Equal((await Api.GetAsync("toolkits/github")).Text, (await v3.GetAsync("toolkits/github")).Text);
    }
}
