using System.Diagnostics;

namespace Composio.Emulator.Tests;

/// <summary>
/// Fault rules. Requests go over unpooled connections: .NET may silently resend a request whose
/// reused connection was dropped, which would hide what the emulator did.
/// </summary>
public sealed class FaultTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static readonly object GithubBody = new { toolkit = new { slug = "github" } };

    private async Task<int> CountAsync() =>
        (await Api.GetAsync("auth_configs?show_disabled=true")).Obj["total_items"]!.GetValue<int>();

    [Fact]
    public async Task Status_AnswersWithHeadersAndErrorBody_WithoutActing()
    {
        await Admin.AddFaultsAsync(new
        {
            method = "POST", path = "/api/v3.1/auth_configs", kind = "status", status = 503, times = 1,
            headers = new Dictionary<string, string> { ["Retry-After"] = "1", ["retry-after-ms"] = "200", ["x-should-retry"] = "false" },
        });
        var faulted = await Api.PostAsync("auth_configs", GithubBody);
        Assert.Equal(503, faulted.Code);
        Assert.Equal("1", faulted.Headers.GetValues("Retry-After").Single());
        Assert.Equal("200", faulted.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("false", faulted.Headers.GetValues("x-should-retry").Single());
        Assert.Equal(503, faulted.Error["status"]!.GetValue<int>());
        Assert.Equal("HTTP_ServiceUnavailable", faulted.ErrorSlug);
        Assert.Equal(0, await CountAsync());

        // times: 1 → the next request goes through.
        Assert.Equal(201, (await Api.PostAsync("auth_configs", GithubBody)).Code);
        Assert.Equal(1, await CountAsync());
        var log = await Admin.GetRequestsAsync();
        Assert.Equal(503, log[0]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_MatchMethodAndPathPrefixCaseInsensitively_InOrder()
    {
        await Admin.AddFaultsAsync(
            new { method = "GET", path = "/API/V3.1/TOOLKITS", kind = "status", status = 429, times = 2 },
            new { method = (string?)null, path = (string?)null, kind = "status", status = 500, times = 1 });
        Assert.Equal(429, (await Api.GetAsync("toolkits/github")).Code);
        Assert.Equal(500, (await Api.GetAsync("auth_configs")).Code); // first rule does not match the path
        Assert.Equal(429, (await Api.GetAsync("toolkits")).Code);
        Assert.Equal(200, (await Api.GetAsync("toolkits")).Code);

        var rules = (await Api.AdminAsync(HttpMethod.Get, "faults")).Obj["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        Assert.Equal(0, rules[0]!["remaining"]!.GetValue<int>());
        Assert.Equal(2, rules[0]!["fired"]!.GetValue<int>());
        Assert.Equal(0, rules[1]!["remaining"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnlimitedRule_KeepsFiring_UntilCleared()
    {
        await Admin.AddFaultsAsync(new { kind = "status", status = 502, times = 0 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(502, (await Api.GetAsync("toolkits")).Code);
        }
        Assert.Null((await Api.AdminAsync(HttpMethod.Get, "faults")).Obj["rules"]![0]!["remaining"]);
        Assert.Equal(200, (await Api.AdminAsync(HttpMethod.Delete, "faults")).Code);
        Assert.Equal(200, (await Api.GetAsync("toolkits")).Code);
    }

    [Fact]
    public async Task Latency_DelaysThenHandles()
    {
        await Admin.AddFaultsAsync(new { method = "POST", kind = "latency", delay_ms = 700, times = 1 });
        var stopwatch = Stopwatch.StartNew();
        var response = await Api.PostAsync("auth_configs", GithubBody);
        Assert.Equal(201, response.Code);
        Assert.True(stopwatch.ElapsedMilliseconds >= 650, $"answered after {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Latency_RespectsClientAbort()
    {
        await Admin.AddFaultsAsync(new { method = "POST", kind = "latency", delay_ms = 10_000, times = 1 });
        using var client = Fixture.Emulator.Client(pooled: false);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(client.Request(HttpMethod.Post, "auth_configs", GithubBody), cts.Token));
        // The handler never ran, and the log shows the request as unanswered.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && (await Admin.GetRequestsAsync()).Count == 0)
        {
            await Task.Delay(50);
        }
        await Task.Delay(200);
        Assert.Equal(0, await CountAsync());
        Assert.Null((await Admin.GetRequestsAsync())[0]!["status"]);
    }

    [Fact]
    public async Task DropBefore_AbortsWithoutCreating()
    {
        await Admin.AddFaultsAsync(new { method = "POST", path = "/api/v3.1/auth_configs", kind = "drop_before", times = 1 });
        using var client = Fixture.Emulator.Client(pooled: false);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("auth_configs", GithubBody));
        Assert.Equal(0, await CountAsync());
        var log = await Admin.GetRequestsAsync();
        Assert.Equal("POST", log[0]!["method"]!.GetValue<string>());
        Assert.Null(log[0]!["status"]);
        Assert.Equal("github", log[0]!["body"]!["toolkit"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task DropAfter_CreatesButTheClientSeesAFailure()
    {
        await Admin.AddFaultsAsync(new { method = "POST", path = "/api/v3.1/auth_configs", kind = "drop_after", times = 1 });
        using var client = Fixture.Emulator.Client(pooled: false);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("auth_configs", GithubBody));
        Assert.Equal(1, await CountAsync());
        Assert.Null((await Admin.GetRequestsAsync())[0]!["status"]);
    }

    [Fact]
    public async Task DropAfter_OnDelete_ReallyDeletes()
    {
        var id = await Api.CreateAsync("github");
        await Admin.AddFaultsAsync(new { method = "DELETE", kind = "drop_after", times = 1 });
        using var client = Fixture.Emulator.Client(pooled: false);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.DeleteAsync("auth_configs/" + id));
        Assert.Equal(404, (await Api.GetAsync("auth_configs/" + id)).Code);
    }

    [Fact]
    public async Task Probability_WithSeed_IsRepeatable()
    {
        async Task<string> PatternAsync()
        {
            await Admin.ResetAsync();
            await Admin.AddFaultsAsync(new { method = "GET", kind = "status", status = 503, probability = 0.5, seed = 1234 });
            var pattern = "";
            for (var i = 0; i < 30; i++)
            {
                pattern += (await Api.GetAsync("toolkits")).Code == 503 ? 'F' : '.';
            }
            return pattern;
        }
        var first = await PatternAsync();
        var second = await PatternAsync();
        Assert.Equal(first, second);
        Assert.Contains('F', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task FiredFaults_AppearInTheLog()
    {
        await Admin.AddFaultsAsync(new { kind = "status", status = 429, times = 1 });
        await Api.GetAsync("toolkits");
        var entry = Assert.Single(await Admin.GetRequestsAsync())!;
        Assert.Equal(429, entry["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"rules\":[{\"kind\":\"explode\"}]}")]
    [InlineData("{\"rules\":[{\"status\":503}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"status\",\"status\":42}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"latency\",\"delay_ms\":-1}]}")]
    [InlineData("{\"rules\":[{\"kind\":\"status\",\"probability\":2}]}")]
    [InlineData("{\"rules\":{}}")]
    [InlineData("nope")]
    public async Task InvalidRules_Are400_AndNothingIsAdded(string body)
    {
        var response = await Api.AdminAsync(HttpMethod.Post, "faults", body);
        Assert.Equal(400, response.Code);
        Assert.NotNull(response.Error["message"]);
        Assert.Empty((await Api.AdminAsync(HttpMethod.Get, "faults")).Obj["rules"]!.AsArray());
    }
}
