using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

public sealed class RequestLogTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Log_RecordsWhatWasSentAndAnswered()
    {
        var request = Api.Request(HttpMethod.Post, "auth_configs", "{\"toolkit\":{\"slug\":\"github\"}}");
        request.Headers.TryAddWithoutValidation("User-Agent", "Composio-PowerShell/0.1.0 (PowerShell 7.6; Linux)");
        await Api.SendAsync(request);
        await Api.GetAsync("auth_configs?limit=5&toolkit_slug=github");
        await Api.GetAsync("toolkits/nope");

        var log = await Admin.GetRequestsAsync();
        Assert.Equal(3, log.Count);

        var post = log[0]!.AsObject();
        Assert.Equal(new[] { "method", "path", "query", "headers", "body", "body_text", "status" }, post.Select(kv => kv.Key));
        Assert.Equal("POST", post["method"]!.GetValue<string>());
        Assert.Equal("/api/v3.1/auth_configs", post["path"]!.GetValue<string>());
        Assert.Equal("", post["query"]!.GetValue<string>());
        Assert.Equal(201, post["status"]!.GetValue<int>());
        Assert.Equal("github", post["body"]!["toolkit"]!["slug"]!.GetValue<string>());
        Assert.Equal("{\"toolkit\":{\"slug\":\"github\"}}", post["body_text"]!.GetValue<string>());
        var headers = post["headers"]!.AsObject();
        Assert.Equal(TestEmulator.DefaultKey, headers["x-api-key"]!.GetValue<string>());
        Assert.Equal("Composio-PowerShell/0.1.0 (PowerShell 7.6; Linux)", headers["user-agent"]!.GetValue<string>());
        Assert.StartsWith("application/json", headers["content-type"]!.GetValue<string>());
        Assert.All(headers, h => Assert.Equal(h.Key.ToLowerInvariant(), h.Key));

        var get = log[1]!.AsObject();
        Assert.Equal("limit=5&toolkit_slug=github", get["query"]!.GetValue<string>());
        Assert.Null(get["body"]);
        Assert.Null(get["body_text"]);
        Assert.Equal(200, get["status"]!.GetValue<int>());
        Assert.Equal(404, log[2]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Log_KeepsRawTextOfNonJsonBodies_AndRecordsRejectedRequests()
    {
        await Api.PostAsync("auth_configs", "not json");
        using var anonymous = Fixture.Emulator.Client(apiKey: null);
        await anonymous.GetAsync("auth_configs");
        var log = await Admin.GetRequestsAsync();
        Assert.Null(log[0]!["body"]);
        Assert.Equal("not json", log[0]!["body_text"]!.GetValue<string>());
        Assert.Equal(400, log[0]!["status"]!.GetValue<int>());
        Assert.Equal(401, log[1]!["status"]!.GetValue<int>());
        Assert.False(log[1]!["headers"]!.AsObject().ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task Log_ShowsThePathAsSent_AndEscapedIdsStayInsideTheirSegment()
    {
        var response = await Api.GetAsync("auth_configs/..%2Ftoolkits%2Fgithub");
        response.AssertError(404, "AuthConfig_NotFound");
        var entry = Assert.Single(await Admin.GetRequestsAsync())!;
        Assert.Equal("/api/v3.1/auth_configs/..%2Ftoolkits%2Fgithub", entry["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminRequests_AreNotLogged_AndDeleteClears()
    {
        await Api.GetAsync("toolkits");
        await Api.AdminAsync(HttpMethod.Get, "faults");
        Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal(200, (await Api.AdminAsync(HttpMethod.Delete, "requests")).Code);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Log_KeepsTheLast2000()
    {
        for (var i = 0; i < 2010; i++)
        {
            await Api.GetAsync("toolkits/github?n=" + i);
        }
        var log = await Admin.GetRequestsAsync();
        Assert.Equal(2000, log.Count);
        Assert.Equal("n=10", log[0]!["query"]!.GetValue<string>());
        Assert.Equal("n=2009", log[^1]!["query"]!.GetValue<string>());
    }
}
