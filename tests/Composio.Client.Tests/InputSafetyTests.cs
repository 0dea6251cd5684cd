using System.Net;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Composio.Client.Validation;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>Ids and slugs never reach another endpoint; the key never travels in the clear.</summary>
public class InputSafetyTests
{
    public static readonly TheoryData<string?> BadIds = new()
    {
        null, "", "ac_", "ac", "abc", "AC_abc", "../toolkits/x", "ac_x/../../toolkits/x", "ac_x?y=1", "ac_x#frag", "ac_x/ENABLED",
        "ac_x/DISABLED", "%2e%2e", "ac_%2e%2e", "ac_x%2Fy", "ac_x\n", "ac_x\r\nX-Evil: 1", " ac_x", "ac_x ", "ac_x&limit=1",
        "ac_ünïcode", "ac_x\0", "ac_x;y", "ac_\u212Aelvin", "ac_" + new string('a', 65), "https://evil.example/ac_x", "ac_x\\..\\y",
    };

    public static readonly TheoryData<string?> BadSlugs = new()
    {
        null, "", "../auth_configs", "git/hub", "github?x=1", "github#x", "%2e%2e", "git hub", "github\n", "-github", "_github",
        "git.hub", "\u212Aey", "github%00", "g" + new string('h', 100), "ġithub",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_bad_id_is_refused_before_any_request(string? id)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        foreach (var call in new Func<Task>[]
        {
            () => client.GetAuthConfigAsync(id!),
            () => client.DeleteAuthConfigAsync(id!),
            () => client.UpdateAuthConfigAsync(id!, new UpdateAuthConfigRequest { Name = "x" }),
            () => client.SetAuthConfigEnabledAsync(id!, true),
        })
        {
            var error = await Assert.ThrowsAsync<ComposioException>(call);
            Assert.Equal("InvalidAuthConfigId", error.ErrorId);
            Assert.Equal(ComposioErrorKind.InvalidInput, error.Kind);
            Assert.Equal(id, error.Target);
            Assert.Contains("ac_yAxogT931v4z", error.Message);
        }
        Assert.Equal(0, fake.Count);
    }

    [Theory]
    [MemberData(nameof(BadSlugs))]
    public async Task A_bad_slug_is_refused_before_any_request(string? slug)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        foreach (var call in new Func<Task>[]
        {
            () => client.GetToolkitAsync(slug!),
            () => client.CreateAuthConfigAsync(new CreateAuthConfigRequest { Toolkit = slug! }),
            () => client.ListAuthConfigsAsync(new AuthConfigQuery { Toolkits = new[] { "github", slug! } }),
        })
        {
            var error = await Assert.ThrowsAsync<ComposioException>(call);
            Assert.Equal("InvalidToolkitSlug", error.ErrorId);
        }
        Assert.Equal(0, fake.Count);
    }

    [Theory]
    [InlineData("ac_yAxogT931v4z")]
    [InlineData("ac_a")]
    [InlineData("ac_with-dash_and_underscore")]
    public async Task A_good_id_goes_to_exactly_its_own_path(string id)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{}");
        using var client = TestClients.With(fake);
        await client.SetAuthConfigEnabledAsync(id, false);
        Assert.Equal($"/api/v3.1/auth_configs/{id}/DISABLED", fake.Attempts[0].Uri.AbsolutePath);
        Assert.Equal("", fake.Attempts[0].Uri.Query);
    }

    [Fact]
    public async Task A_slug_is_lowercased_and_search_text_cannot_add_a_parameter()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{\"items\":[]}");
        using var client = TestClients.With(fake);
        await client.ListAuthConfigsAsync(new AuthConfigQuery { Toolkits = new[] { "GitHub" }, Search = "a&limit=1000#x/../y" });
        var uri = fake.Attempts[0].Uri;
        Assert.Equal("/api/v3.1/auth_configs", uri.AbsolutePath);
        Assert.Contains("toolkit_slug=github", uri.Query);
        Assert.Contains("search=a%26limit%3D1000%23x%2F..%2Fy", uri.Query);
        Assert.DoesNotContain("&limit=1000", uri.Query);
    }

    [Fact]
    public void Segment_escapes_as_a_second_line_of_defence() =>
        Assert.Equal("..%2Fx%3Fy%3D1%23", ApiIdentifiers.Segment("../x?y=1#"));

    [Theory]
    [InlineData("http://composio.example.org")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://[fe80::1]")]
    public void Plain_http_to_another_host_is_refused(string uri)
    {
        var options = TestClients.Options(new Uri(uri));
        var error = Assert.Throws<ComposioException>(() => new ComposioClient(options));
        Assert.Equal("InsecureBaseUri", error.ErrorId);
        Assert.Contains("https://", error.Message);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9")]
    [InlineData("http://localhost:9")]
    [InlineData("http://[::1]:9")]
    [InlineData("http://127.5.6.7")]
    [InlineData("https://composio.example.org")]
    public void Https_and_loopback_http_are_allowed(string uri)
    {
        using var client = new ComposioClient(TestClients.Options(new Uri(uri)));
    }

    [Fact]
    public void AllowInsecureHttp_is_the_explicit_opt_out()
    {
        var options = TestClients.Options(new Uri("http://composio.example.org"));
        options.AllowInsecureHttp = true;
        using var client = new ComposioClient(options);
    }

    [Theory]
    [InlineData("ftp://composio.example.org", "InvalidBaseUri")]
    [InlineData("file:///etc/passwd", "InvalidBaseUri")]
    public void Other_schemes_are_refused(string uri, string id) =>
        Assert.Equal(id, Assert.Throws<ComposioException>(() => new ComposioClient(TestClients.Options(new Uri(uri)))).ErrorId);

    [Fact]
    public void No_key_says_which_variable_was_read()
    {
        var options = TestClients.Options();
        options.ApiKey = "";
        var error = Assert.Throws<ComposioException>(() => new ComposioClient(options));
        Assert.Equal("ApiKeyMissing", error.ErrorId);
        Assert.Contains("COMPOSIO_API_KEY", error.Message);
        Assert.DoesNotContain("Connect-Composio", error.Message);
    }
}
