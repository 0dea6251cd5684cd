namespace Composio.Emulator.Tests;

public sealed class StatusAndDeleteTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private async Task<List<string>> ListIdsAsync(string query = "")
    {
        var page = await Api.GetAsync("auth_configs" + query);
        return page.Obj["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task DisableHidesFromList_ShowDisabledShows_EnableRestores()
    {
        var a = await Api.CreateAsync("github");
        var b = await Api.CreateAsync("github");

        var disable = await Api.PatchAsync($"auth_configs/{a}/DISABLED");
        Assert.Equal(200, disable.Code);
        Assert.True(disable.Obj["success"]!.GetValue<bool>());
        Assert.Equal("DISABLED", (await Api.GetAsync("auth_configs/" + a)).Obj["status"]!.GetValue<string>());
        Assert.Equal(new[] { b }, await ListIdsAsync());
        Assert.Equal(1, (await Api.GetAsync("auth_configs")).Obj["total_items"]!.GetValue<int>());
        Assert.Equal(new[] { a, b }, await ListIdsAsync("?show_disabled=true"));
        Assert.Equal(new[] { b }, await ListIdsAsync("?show_disabled=false"));

        Assert.Equal(200, (await Api.PatchAsync($"auth_configs/{a}/ENABLED")).Code);
        Assert.Equal(new[] { a, b }, await ListIdsAsync());
        Assert.Equal("ENABLED", (await Api.GetAsync("auth_configs/" + a)).Obj["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisablingTwice_IsHarmless()
    {
        var a = await Api.CreateAsync("github");
        await Api.PatchAsync($"auth_configs/{a}/DISABLED");
        await Api.PatchAsync($"auth_configs/{a}/DISABLED");
        Assert.Equal(0, (await Api.GetAsync("auth_configs")).Obj["total_items"]!.GetValue<int>());
        Assert.Equal(1, (await Api.GetAsync("auth_configs?show_disabled=true")).Obj["total_items"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("PAUSED")]
    [InlineData("enabled")]
    public async Task OtherStatusSegments_Are400(string status)
    {
        var a = await Api.CreateAsync("github");
        var response = await Api.PatchAsync($"auth_configs/{a}/{status}");
        Assert.Equal(400, response.Code);
        Assert.Contains("ENABLED", response.Error["suggested_fix"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusOfUnknownId_Is404()
    {
        Assert.Equal(404, (await Api.PatchAsync("auth_configs/ac_nope/ENABLED")).Code);
    }

    [Fact]
    public async Task Delete_Returns200WithTheSpecsShape_ThenIdIs404()
    {
        var a = await Api.CreateAsync("github");
        var response = await Api.DeleteAsync("auth_configs/" + a);
        Assert.Equal(200, response.Code);
        Assert.Empty(response.Obj); // the spec's `{revoke_job_id?}`: nothing without a revocation
        Assert.Equal(404, (await Api.GetAsync("auth_configs/" + a)).Code);
        Assert.Equal(404, (await Api.DeleteAsync("auth_configs/" + a)).Code);
        Assert.Equal(404, (await Api.PatchAsync("auth_configs/" + a, new { type = "default" })).Code);
        Assert.Empty(await ListIdsAsync("?show_disabled=true"));
    }

    [Fact]
    public async Task DeleteWithRevoke_ReturnsJobId()
    {
        var a = await Api.CreateAsync("github");
        var response = await Api.DeleteAsync($"auth_configs/{a}?revoke_on_delete=true");
        Assert.Equal(200, response.Code);
        Assert.Matches("^pj_[A-Za-z0-9]+$", response.Obj["revoke_job_id"]!.GetValue<string>());
        Assert.Equal(404, (await Api.GetAsync("auth_configs/" + a)).Code);
    }

    [Fact]
    public async Task DeleteInTheMiddle_KeepsPagingIntact()
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await Api.CreateAsync("github"));
        }
        var first = await Api.GetAsync("auth_configs?limit=2");
        var cursor = first.Obj["next_cursor"]!.GetValue<string>();
        await Api.DeleteAsync("auth_configs/" + ids[1]);
        await Api.DeleteAsync("auth_configs/" + ids[2]);
        var second = await Api.GetAsync("auth_configs?limit=2&cursor=" + cursor);
        Assert.Equal(new[] { ids[3], ids[4] }, second.Obj["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }
}
