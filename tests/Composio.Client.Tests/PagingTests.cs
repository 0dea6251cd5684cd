using System.Net;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>The one page walker every listing uses: page size, and servers that would loop or lose items.</summary>
public class PagingTests
{
    private static string Page(int from, int count, string? next, int totalItems, int totalPages)
    {
        var items = string.Join(",", Enumerable.Range(from, count).Select(i => $"{{\"id\":\"ac_item{i:D6}\",\"toolkit\":{{\"slug\":\"github\"}}}}"));
        var cursor = next == null ? "null" : $"\"{next}\"";
        return $"{{\"items\":[{items}],\"next_cursor\":{cursor},\"total_items\":{totalItems},\"total_pages\":{totalPages},\"current_page\":1}}";
    }

    /// <summary>Walks the scripted pages; the walk must end with this error after this many requests.</summary>
    private static async Task WalkEndsWith(string errorId, int requests, Func<ComposioClient, Task> walk, params string[] pages)
    {
        var fake = new FakeHandler();
        foreach (var page in pages)
        {
            fake.Then(HttpStatusCode.OK, page);
        }
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => walk(client));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(requests, fake.Count);
    }

    [Theory]
    [InlineData("v3.1")]
    [InlineData("v3")]
    public async Task Never_asks_for_more_than_50_items_a_page(string version)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, Page(0, 2, null, 2, 1));
        var options = TestClients.Options();
        options.ApiVersion = version;
        using var client = new ComposioClient(options, fake);
        await client.WalkAuthConfigs(new AuthConfigQuery(), pageSize: 1000).ReadAllAsync();
        Assert.Contains("limit=50", fake.Attempts[0].Uri.Query);
    }

    [Fact]
    public async Task Walks_every_page_and_knows_when_it_is_complete()
    {
        var fake = new FakeHandler()
            .Then(HttpStatusCode.OK, Page(0, 2, "c1", 5, 3))
            .Then(HttpStatusCode.OK, Page(2, 2, "c2", 5, 3))
            .Then(HttpStatusCode.OK, Page(4, 1, null, 5, 3));
        using var client = TestClients.With(fake);
        var walker = client.WalkAuthConfigs(null, 2);
        var all = await walker.ReadAllAsync();
        Assert.Equal(5, all.Count);
        Assert.True(walker.IsComplete);
        Assert.False(walker.CountDiffers);
        Assert.Equal(new[] { "", "c1", "c2" }, fake.Attempts.Select(a => System.Web.HttpUtility.ParseQueryString(a.Uri.Query)["cursor"] ?? ""));
    }

    [Fact]
    public async Task Tools_of_a_toolkit_walk_GET_tools_by_toolkit_slug_page_by_page()
    {
        static string Tools(string next, params string[] slugs) =>
            $"{{\"items\":[{string.Join(",", slugs.Select(s => $"{{\"slug\":\"{s}\",\"name\":\"n {s}\",\"toolkit\":{{\"slug\":\"github\",\"name\":\"GitHub\",\"logo\":\"\"}},\"is_deprecated\":false}}"))}],\"next_cursor\":{next},\"total_items\":3,\"total_pages\":2,\"current_page\":1}}";
        var fake = new FakeHandler()
            .Then(HttpStatusCode.OK, Tools("\"c1\"", "GITHUB_A", "GITHUB_B"))
            .Then(HttpStatusCode.OK, Tools("null", "GITHUB_C"));
        using var client = TestClients.With(fake);
        var tools = await client.WalkTools("GitHub").ReadAllAsync();
        Assert.Equal(new[] { "GITHUB_A", "GITHUB_B", "GITHUB_C" }, tools.Select(t => t.Slug));
        Assert.Equal("n GITHUB_A", tools[0].Name);
        Assert.Equal("github", tools[0].Toolkit);
        Assert.All(fake.Attempts, a => Assert.EndsWith("/tools", a.Uri.AbsolutePath));
        var query = System.Web.HttpUtility.ParseQueryString(fake.Attempts[1].Uri.Query);
        Assert.Equal("github", query["toolkit_slug"]);
        Assert.Equal("c1", query["cursor"]);
        Assert.Equal("50", query["limit"]);
    }

    [Fact]
    public async Task A_repeated_cursor_ends_the_walk_with_an_error()
    {
        await WalkEndsWith("ComposioPagingCursorRepeated", 2, client => client.WalkToolkits(null).ReadAllAsync(),
            Page(0, 2, "same", 100, 0), Page(2, 2, "same", 100, 0));
    }

    [Fact]
    public async Task Paging_past_the_announced_total_pages_ends_the_walk_with_an_error()
    {
        await WalkEndsWith("ComposioPagingOverrun", 2, client => client.WalkAuthConfigs(null, 2).ReadAllAsync(),
            Page(0, 2, "c1", 4, 2), Page(2, 2, "c2", 4, 2), Page(4, 2, "c3", 4, 2));
    }

    [Fact]
    public async Task Fewer_items_than_announced_is_reported()
    {
        // What the real API was seen to do: pages clamped, pages counted by the requested limit.
        var fake = new FakeHandler()
            .Then(HttpStatusCode.OK, Page(0, 2, "c1", 6, 2))
            .Then(HttpStatusCode.OK, Page(2, 2, null, 6, 2));
        using var client = TestClients.With(fake);
        var walker = client.WalkAuthConfigs(null, 3);
        await walker.ReadAllAsync();
        Assert.True(walker.CountDiffers);
        Assert.Equal(6, walker.TotalItems);
        Assert.Equal(4, walker.ItemsRead);
    }

    [Fact]
    public async Task Categories_are_walked_too()
    {
        await WalkEndsWith("ComposioPagingCursorRepeated", 2, client => client.WalkToolkitCategories().ReadAllAsync(),
            "{\"items\":[{\"id\":\"ai\",\"name\":\"AI\"}],\"next_cursor\":\"k\",\"total_pages\":2}",
            "{\"items\":[{\"id\":\"crm\",\"name\":\"CRM\"}],\"next_cursor\":\"k\",\"total_pages\":2}");
    }
}
