namespace Composio.Emulator.Tests;

public sealed class AdminTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Reset_ClearsConfigsLogAndFaults()
    {
        await Api.CreateAsync("github");
        await Admin.AddFaultsAsync(new { method = "DELETE", kind = "status", status = 500 });
        var reset = await Api.AdminAsync(HttpMethod.Post, "reset");
        Assert.Equal(200, reset.Code);
        Assert.Empty(reset.Obj);
        Assert.Empty(await Admin.GetRequestsAsync());
        Assert.Empty((await Api.AdminAsync(HttpMethod.Get, "faults")).Obj["rules"]!.AsArray());
        Assert.Equal(0, (await Api.GetAsync("auth_configs?show_disabled=true")).Obj["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task Seed_CreatesNamedManagedConfigs()
    {
        var response = await Api.AdminAsync(HttpMethod.Post, "seed", new { toolkit = "github", count = 25, name_prefix = "bulk-", managed = true });
        Assert.Equal(200, response.Code);
        Assert.Equal(25, response.Obj["created"]!.GetValue<int>());
        var page = (await Api.GetAsync("auth_configs?limit=50")).Obj;
        Assert.Equal(25, page["total_items"]!.GetValue<int>());
        var first = page["items"]![0]!;
        Assert.Equal("bulk-1", first["name"]!.GetValue<string>());
        Assert.Equal("default", first["type"]!.GetValue<string>());
        Assert.Equal("github", first["toolkit"]!["slug"]!.GetValue<string>());
        Assert.Equal("bulk-25", page["items"]![24]!["name"]!.GetValue<string>());
        Assert.Equal(25, page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Seed_CustomConfigsHaveTheRequiredCredentials()
    {
        await Api.AdminAsync(HttpMethod.Post, "seed", new { toolkit = "notion", count = 3, name_prefix = "c-", managed = false });
        var item = (await Api.GetAsync("auth_configs")).Obj["items"]![0]!;
        Assert.Equal("custom", item["type"]!.GetValue<string>());
        Assert.Equal("OAUTH2", item["auth_scheme"]!.GetValue<string>());
        Assert.NotNull(item["credentials"]!["client_id"]);
        Assert.NotNull(item["credentials"]!["client_secret"]);
    }

    [Theory]
    [InlineData("{\"toolkit\":\"nope\",\"count\":1}")]
    [InlineData("{\"toolkit\":\"perplexityai\",\"count\":1,\"managed\":true}")]
    [InlineData("{\"toolkit\":\"github\",\"count\":-1}")]
    [InlineData("{\"toolkit\":\"github\",\"count\":\"many\"}")]
    public async Task Seed_BadRequests_Are400(string body)
    {
        Assert.Equal(400, (await Api.AdminAsync(HttpMethod.Post, "seed", body)).Code);
    }
}
