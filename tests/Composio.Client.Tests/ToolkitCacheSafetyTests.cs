using System.Net;
using Composio.Client.Errors;
using Composio.Client.Tests.Support;
using Composio.Client.Toolkits;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>The toolkit cache writes only inside its folder, under names from checked input, whole, and leaves no temporary files.</summary>
public sealed class ToolkitCacheSafetyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "composio-cache-test-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string ToolkitJson(string slug) =>
        "{\"slug\":" + System.Text.Json.JsonSerializer.Serialize(slug) + ",\"auth_config_details\":[{\"mode\":\"API_KEY\",\"fields\":{\"auth_config_creation\":{\"required\":[],\"optional\":[]}}}]}";

    public static readonly TheoryData<string> HostileSlugs = new()
    {
        "../../victim/appsettings", "../victim", "/tmp/victim", "C:\\victim\\x", "github\0x", "..", "git.hub", "a/b", "\u001b]0;pwned\u0007",
    };

    [Theory]
    [MemberData(nameof(HostileSlugs))]
    public async Task A_hostile_slug_from_the_server_is_a_stable_error_and_writes_nothing(string hostile)
    {
        Directory.CreateDirectory(_root);
        var victim = Path.Combine(_root, "cache", "victim");
        var fake = new FakeHandler().Then(HttpStatusCode.OK, ToolkitJson(hostile));
        using var client = TestClients.With(fake);
        var cache = new ToolkitCache(client, Path.Combine(_root, "cache", "deep"), TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<ComposioException>(() => cache.GetAsync("github"));

        Assert.Equal("InvalidServerToolkitSlug", error.ErrorId);
        Assert.Equal(ComposioErrorKind.InvalidResponse, error.Kind);
        Assert.False(Directory.Exists(victim));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(HostileSlugs))]
    public void A_listed_toolkit_with_a_hostile_slug_is_not_cached(string hostile)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        var cacheRoot = Path.Combine(_root, "cache", "deep");
        var cache = new ToolkitCache(client, cacheRoot, TimeSpan.FromHours(1));

        cache.Remember(new Toolkit { Slug = hostile, AuthConfigDetails = Array.Empty<AuthSchemeDetail>() });

        Assert.False(Directory.Exists(_root) && Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task A_server_slug_unlike_the_one_asked_is_cached_under_the_one_asked()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, ToolkitJson("victim"));
        using var client = TestClients.With(fake);
        var cache = new ToolkitCache(client, _root, TimeSpan.FromHours(1));

        await cache.GetAsync("GitHub");

        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.Equal(new[] { "github.json" }, files);
    }

    [Fact]
    public async Task Parallel_writers_leave_one_whole_file_and_no_temporary_files()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        var toolkit = new Toolkit { Slug = "github", Name = new string('x', 20000), AuthConfigDetails = Array.Empty<AuthSchemeDetail>() };
        // Separate caches on one folder: as separate sessions would be.
        var caches = Enumerable.Range(0, 8).Select(_ => new ToolkitCache(client, _root, TimeSpan.FromHours(1))).ToArray();

        await Task.WhenAll(caches.Select(cache => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                cache.Remember(toolkit);
            }
        })));

        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        Assert.Equal(new[] { "github.json" }, files.Select(Path.GetFileName));
        var fresh = new ToolkitCache(client, _root, TimeSpan.FromHours(1));
        Assert.True(fresh.TryGetCached("github", out var read));
        Assert.Equal(toolkit.Name, read.Name);
        Assert.Equal(0, fake.Count);
    }
}
