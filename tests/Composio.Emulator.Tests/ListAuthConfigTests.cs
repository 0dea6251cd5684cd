using System.Diagnostics;
using Xunit.Abstractions;

namespace Composio.Emulator.Tests;

public sealed class ListAuthConfigTests(EmulatorFixture fixture, ITestOutputHelper output) : EmulatorTest(fixture)
{
    private static List<string> Ids(ApiResponse page) =>
        page.Obj["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    private Task<ApiResponse> SeedAsync(string toolkit, int count, string prefix, bool? managed = null) =>
        Api.AdminAsync(HttpMethod.Post, "seed", managed is null
            ? new { toolkit, count, name_prefix = prefix }
            : new { toolkit, count, name_prefix = prefix, managed });

    [Fact]
    public async Task Envelope_HasAllKeys()
    {
        await Api.CreateAsync("github");
        var page = (await Api.GetAsync("auth_configs")).Obj;
        Assert.Equal(new[] { "items", "next_cursor", "total_pages", "current_page", "total_items" }, page.Select(kv => kv.Key));
        Assert.Null(page["next_cursor"]);
        Assert.Equal(1, page["total_pages"]!.GetValue<int>());
        Assert.Equal(1, page["current_page"]!.GetValue<int>());
        Assert.Equal(1, page["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task EmptyList_HasNoCursor()
    {
        var page = (await Api.GetAsync("auth_configs")).Obj;
        Assert.Empty(page["items"]!.AsArray());
        Assert.Null(page["next_cursor"]);
        Assert.Equal(0, page["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task CursorWalk_OverSeveralPages_ReturnsEverythingInCreationOrder()
    {
        var created = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            created.Add(await Api.CreateAsync("github", new { type = "use_composio_managed_auth", name = $"walk-{i}" }));
        }
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.GetAsync("auth_configs?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(200, page.Code);
            pages++;
            Assert.Equal(pages, page.Obj["current_page"]!.GetValue<int>());
            Assert.Equal(5, page.Obj["total_pages"]!.GetValue<int>());
            Assert.Equal(9, page.Obj["total_items"]!.GetValue<int>());
            seen.AddRange(Ids(page));
            cursor = page.Obj["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(5, pages);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task CursorWalk_WithFilter_SkipsNonMatching()
    {
        for (var i = 0; i < 4; i++)
        {
            await Api.CreateAsync("github");
            await Api.CreateAsync("perplexityai", new { type = "use_custom_auth", authScheme = "API_KEY" });
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("auth_configs?toolkit_slug=PerplexityAI&limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(4, page.Obj["total_items"]!.GetValue<int>());
            seen.AddRange(page.Obj["items"]!.AsArray().Select(i => i!["toolkit"]!["slug"]!.GetValue<string>()));
            cursor = page.Obj["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Repeat("perplexityai", 4), seen);
    }

    [Fact]
    public async Task DefaultLimit_Is20()
    {
        await SeedAsync("github", 30, "d-");
        var page = await Api.GetAsync("auth_configs");
        Assert.Equal(20, page.Obj["items"]!.AsArray().Count);
        Assert.NotNull(page.Obj["next_cursor"]);
    }

    [Fact]
    public async Task Limit_IsCappedAt50OnV31And1000OnV3()
    {
        await SeedAsync("github", 1100, "cap-");
        var v31 = await Api.GetAsync("auth_configs?limit=100");
        Assert.Equal(50, v31.Obj["items"]!.AsArray().Count);
        Assert.Equal(22, v31.Obj["total_pages"]!.GetValue<int>());

        using var v3 = Fixture.Emulator.Client(version: "v3");
        var v3Page = await v3.GetAsync("auth_configs?limit=100");
        Assert.Equal(100, v3Page.Obj["items"]!.AsArray().Count);
        var v3Max = await v3.GetAsync("auth_configs?limit=5000");
        Assert.Equal(1000, v3Max.Obj["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("limit=abc")]
    [InlineData("cursor=garbage")]
    [InlineData("cursor=dGs6MDow")] // a toolkit cursor ("tk:0:0") is not an auth-config cursor
    [InlineData("is_composio_managed=maybe")]
    [InlineData("show_disabled=2")]
    public async Task BadQuery_Is400(string query)
    {
        var response = await Api.GetAsync("auth_configs?" + query);
        response.AssertError(400, "HTTP_BadRequest");
    }

    [Fact]
    public async Task Filters_ToolkitManagedSearch()
    {
        var gh = await Api.CreateAsync("github", new { type = "use_composio_managed_auth", name = "Alpha GitHub" });
        var notion = await Api.CreateCustomNotionAsync("beta notion");
        var pplx = await Api.CreateAsync("perplexityai", new { type = "use_custom_auth", authScheme = "API_KEY", name = "Gamma" });

        Assert.Equal(new[] { gh, notion }, Ids(await Api.GetAsync("auth_configs?toolkit_slug=GITHUB,notion")));
        Assert.Equal(new[] { gh, notion }, Ids(await Api.GetAsync("auth_configs?toolkit_slug=github&toolkit_slug=notion")));
        Assert.Equal(new[] { gh }, Ids(await Api.GetAsync("auth_configs?is_composio_managed=true")));
        Assert.Equal(new[] { notion, pplx }, Ids(await Api.GetAsync("auth_configs?is_composio_managed=false")));
        Assert.Equal(new[] { notion }, Ids(await Api.GetAsync("auth_configs?search=NOTION")));
        Assert.Equal(new[] { pplx }, Ids(await Api.GetAsync("auth_configs?search=" + pplx[3..9].ToLowerInvariant())));
        Assert.Empty(Ids(await Api.GetAsync("auth_configs?toolkit_slug=slack")));
        Assert.Equal(new[] { notion }, Ids(await Api.GetAsync("auth_configs?toolkit_slug=notion&is_composio_managed=false&search=beta")));
    }

    [Fact]
    public async Task HundredThousandConfigs_SeedFastAndPagesStayFast()
    {
        var stopwatch = Stopwatch.StartNew();
        var seeded = await SeedAsync("github", 100_000, "bulk-", managed: true);
        var seedTime = stopwatch.Elapsed;
        Assert.Equal(100_000, seeded.Obj["created"]!.GetValue<int>());
        Assert.True(seedTime < MachineLoad.Scale(TimeSpan.FromSeconds(2)), $"seeding 100,000 took {seedTime} (load factor {MachineLoad.Factor:F1})");

        // Warm up, then time a walk of 40 pages from the start and a jump deep into the list.
        var first = await Api.GetAsync("auth_configs?limit=50");
        Assert.Equal(100_000, first.Obj["total_items"]!.GetValue<int>());
        Assert.Equal(2000, first.Obj["total_pages"]!.GetValue<int>());
        var cursor = first.Obj["next_cursor"]!.GetValue<string>();
        stopwatch.Restart();
        for (var i = 0; i < 40; i++)
        {
            var page = await Api.GetAsync("auth_configs?limit=50&cursor=" + cursor);
            Assert.Equal(50, page.Obj["items"]!.AsArray().Count);
            Assert.Equal(i + 2, page.Obj["current_page"]!.GetValue<int>());
            cursor = page.Obj["next_cursor"]!.GetValue<string>();
        }
        var walk = stopwatch.Elapsed;
        output.WriteLine($"seed 100,000: {seedTime.TotalMilliseconds:F0} ms; 40 pages of 50: {walk.TotalMilliseconds:F0} ms; load factor {MachineLoad.Factor:F1}");
        Assert.True(walk < MachineLoad.Scale(TimeSpan.FromSeconds(2)), $"40 pages took {walk} (load factor {MachineLoad.Factor:F1})");
        Assert.Equal("bulk-2051", (await Api.GetAsync("auth_configs?limit=1&cursor=" + cursor)).Obj["items"]![0]!["name"]!.GetValue<string>());

        // Filtered listing over the whole set still answers.
        var filtered = await Api.GetAsync("auth_configs?search=bulk-99999");
        Assert.Equal(1, filtered.Obj["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task Items_HaveTheFullAuthConfigShape()
    {
        await Api.CreateCustomNotionAsync("shape");
        var item = (await Api.GetAsync("auth_configs")).Obj["items"]![0]!.AsObject();
        RetrieveAuthConfigTests.AssertFullShape(item);
    }
}
