namespace Composio.Emulator.Tests;

/// <summary>
/// Contract §8 item 5: v3.1 pages hold at most 50 configs (20 by default). With --lossy-page-limit
/// the emulator also imitates the production fault: a larger limit moves the cursor past configs
/// it never served. Each test starts its own emulator.
/// </summary>
public sealed class LossyPagingTests
{
    private static async Task<List<string>> WalkAsync(ApiClient api, int limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.GetAsync($"auth_configs?limit={limit}" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(200, page.Code);
            ids.AddRange(page.Obj["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page.Obj["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }

    private static async Task SeedAsync(ApiClient api, int count) =>
        Assert.Equal(200, (await api.AdminAsync(HttpMethod.Post, "seed", new { toolkit = "github", count, name_prefix = "p-", managed = true })).Code);

    [Fact]
    public async Task ByDefault_ALimitAboveTheCap_IsClampedAndNothingIsLost()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var api = emulator.Client();
        await SeedAsync(api, 120);
        var first = await api.GetAsync("auth_configs?limit=100");
        Assert.Equal(50, first.Obj["items"]!.AsArray().Count);
        Assert.Equal(3, first.Obj["total_pages"]!.GetValue<int>());
        Assert.Equal(20, (await api.GetAsync("auth_configs")).Obj["items"]!.AsArray().Count);
        Assert.Equal(120, (await WalkAsync(api, 100)).Distinct().Count());
    }

    [Fact]
    public async Task LossyPageLimit_ALimitAboveTheCap_SkipsTheConfigsBetweenPages()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { LossyPageLimit = true });
        using var api = emulator.Client();
        await SeedAsync(api, 120);
        var first = await api.GetAsync("auth_configs?limit=100");
        Assert.Equal(50, first.Obj["items"]!.AsArray().Count);
        Assert.Equal(2, first.Obj["total_pages"]!.GetValue<int>());
        Assert.Equal(120, first.Obj["total_items"]!.GetValue<int>());

        var walked = await WalkAsync(api, 100);
        Assert.Equal(70, walked.Count); // 50 of the first 100, then the last 20: configs 51..100 are lost.
        // Within the cap nothing is lost, as on the service.
        Assert.Equal(120, (await WalkAsync(api, 50)).Distinct().Count());
    }
}
