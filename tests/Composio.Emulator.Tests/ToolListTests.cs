using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>GET /tools: the catalog's tools in the spec's ToolsPaginated shape, by toolkit, paged.</summary>
public sealed class ToolListTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static List<string> Slugs(ApiResponse page) =>
        page.Obj["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task ByToolkit_ListsItsTools_WithTheSpecsRequiredMembers()
    {
        var page = await Api.GetAsync("tools?toolkit_slug=GitHub");
        Assert.Equal(200, page.Code);
        var slugs = Slugs(page);
        Assert.Contains("GITHUB_STAR_A_REPOSITORY", slugs);
        Assert.All(slugs, s => Assert.StartsWith("GITHUB_", s));
        Assert.Equal(slugs.Count, page.Obj["total_items"]!.GetValue<int>());
        var star = page.Obj["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == "GITHUB_STAR_A_REPOSITORY")!.AsObject();
        Assert.Equal("Star a repository", star["name"]!.GetValue<string>());
        Assert.Equal("github", star["toolkit"]!["slug"]!.GetValue<string>());
        foreach (var member in new[] { "description", "input_parameters", "no_auth", "available_versions", "version", "output_parameters", "scopes", "scope_requirements", "tags", "is_deprecated", "deprecated" })
        {
            Assert.True(star.ContainsKey(member), member);
        }
        Assert.Contains("public_repo", star["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_WithCursor()
    {
        var all = Slugs(await Api.GetAsync("tools?toolkit_slug=github"));
        var first = await Api.GetAsync("tools?toolkit_slug=github&limit=3");
        Assert.Equal(all.Take(3), Slugs(first));
        Assert.Equal((all.Count + 2) / 3, first.Obj["total_pages"]!.GetValue<int>());
        var cursor = first.Obj["next_cursor"]!.GetValue<string>();
        var second = await Api.GetAsync("tools?toolkit_slug=github&limit=3&cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal(all.Skip(3).Take(3), Slugs(second));
        Assert.Equal(2, second.Obj["current_page"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_ToolSlugs_Query_AndAToolkitWithoutTools()
    {
        Assert.Empty(Slugs(await Api.GetAsync("tools?toolkit_slug=notion")));
        var one = Slugs(await Api.GetAsync("tools?tool_slugs=GITHUB_STAR_A_REPOSITORY,github_create_a_gist"));
        Assert.Equal(new[] { "GITHUB_STAR_A_REPOSITORY", "GITHUB_CREATE_A_GIST" }, one);
        Assert.Equal(new[] { "GITHUB_CREATE_A_GIST" }, Slugs(await Api.GetAsync("tools?toolkit_slug=github&query=gist")));
        Assert.Equal(400, (await Api.GetAsync("tools?cursor=not-a-cursor")).Code);
    }
}
