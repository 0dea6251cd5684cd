using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Composio.Emulator.Tests;

/// <summary>Command line and process behaviour; each test starts its own emulator.</summary>
public sealed class ProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<string> _tempFiles = new();

    private string TempJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"composio-emulator-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        _tempFiles.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in _tempFiles)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Startup_AnswersWithinASecond()
    {
        // Best of three: the first start on a cold machine also pays for disk caches.
        var best = TimeSpan.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var emulator = await TestEmulator.StartAsync();
            using var client = emulator.Client();
            var response = await client.GetAsync("toolkits/github");
            var elapsed = stopwatch.Elapsed;
            Assert.Equal(200, response.Code);
            output.WriteLine($"attempt {attempt + 1}: listening after {emulator.StartupTime.TotalMilliseconds:F0} ms, first successful request after {elapsed.TotalMilliseconds:F0} ms");
            best = elapsed < best ? elapsed : best;
        }
        output.WriteLine($"best: {best.TotalMilliseconds:F0} ms (load factor {MachineLoad.Factor:F1})");
        // Target is 1 s; the assertion allows slack for a loaded CI machine.
        Assert.True(best < MachineLoad.Scale(TimeSpan.FromSeconds(2)), $"first successful request after {best} (load factor {MachineLoad.Factor:F1})");
    }

    [Fact]
    public async Task PrintsExactlyTheListeningLine()
    {
        var info = EmulatorLauncher.StartInfo(new[] { "--port", "0" });
        using var process = Process.Start(info)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Matches("^Now listening on: http://127\\.0\\.0\\.1:[0-9]+$", line);
            using var http = new HttpClient();
            var port = new Uri(line!["Now listening on: ".Length..]).Port;
            Assert.True(port > 0);
            // Default key when none is given.
            var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/api/v3.1/toolkits/github");
            request.Headers.Add("x-api-key", "ak_emulator_test");
            Assert.Equal(200, (int)(await http.SendAsync(request)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.True(string.IsNullOrWhiteSpace(rest), $"unexpected stdout: {rest}");
    }

    [Fact]
    public async Task FixedPort_IsHonoured()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Port = port });
        Assert.Equal(port, emulator.BaseUri.Port);
    }

    [Fact]
    public async Task SeveralApiKeys_AreAllAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { ApiKeys = { "ak_one", "ak_two" } });
        using var one = emulator.Client("ak_one");
        using var two = emulator.Client("ak_two");
        using var other = emulator.Client("ak_emulator_test");
        Assert.Equal(200, (await one.GetAsync("toolkits")).Code);
        Assert.Equal(200, (await two.GetAsync("toolkits")).Code);
        Assert.Equal(401, (await other.GetAsync("toolkits")).Code);
    }

    [Fact]
    public async Task CatalogFile_AddsToolkits()
    {
        var catalog = TempJson("""
        [{"slug": "AcmeCRM", "name": "Acme CRM", "type": "custom", "enabled": true,
          "composio_managed_auth_schemes": [], "composio_managed_auth": [],
          "auth_config_details": [{"mode": "bearer_token", "name": "acme_bearer", "fields": {
             "auth_config_creation": {"required": [{"name": "tenant", "displayName": "Tenant", "type": "string", "description": "Tenant name", "required": true, "default": null, "is_secret": false}], "optional": []},
             "connected_account_initiation": {"required": [{"name": "token", "displayName": "Token", "type": "string", "description": "Token", "required": true, "default": null, "is_secret": true}], "optional": []}}}],
          "base_url": "https://acme.test", "auth_guide_url": null,
          "meta": {"description": "Test CRM", "logo": "https://acme.test/logo.png", "app_url": "https://acme.test", "categories": [{"name": "CRM", "slug": "crm"}], "tools_count": 1, "triggers_count": 0, "version": "1", "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"},
          "deprecated": {}}]
        """);
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Catalog = catalog });
        using var client = emulator.Client();
        var toolkit = await client.GetAsync("toolkits/ACMECRM");
        Assert.Equal(200, toolkit.Code);
        Assert.Equal("acmecrm", toolkit.Obj["slug"]!.GetValue<string>());
        Assert.Equal("BEARER_TOKEN", toolkit.Obj["auth_config_details"]![0]!["mode"]!.GetValue<string>());
        Assert.Equal(200, (await client.GetAsync("toolkits/github")).Code); // built-ins stay

        var missing = await client.PostAsync("auth_configs", new { toolkit = new { slug = "acmecrm" }, auth_config = new { type = "use_custom_auth", authScheme = "BEARER_TOKEN" } });
        Assert.Equal("Missing required field \"Tenant\" for auth scheme \"BEARER_TOKEN\" in toolkit \"acmecrm\"", missing.ErrorMessage);
        var created = await client.PostAsync("auth_configs", new { toolkit = new { slug = "acmecrm" }, auth_config = new { type = "use_custom_auth", authScheme = "BEARER_TOKEN", credentials = new { tenant = "t1" } } });
        Assert.Equal(201, created.Code);
        var custom = await client.GetAsync("toolkits?type=custom");
        Assert.Equal("acmecrm", Assert.Single(custom.Obj["items"]!.AsArray())!["slug"]!.GetValue<string>());
        Assert.Contains("acmecrm", (await client.GetAsync("toolkits?category=crm")).Obj["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CatalogFile_ReplacesABuiltInToolkitWithTheSameSlug()
    {
        var catalog = TempJson("""[{"slug": "GitHub", "name": "GitHub Enterprise", "auth_config_details": [{"mode": "API_KEY", "name": "ghe_key", "fields": {}}]}]""");
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Catalog = catalog });
        using var client = emulator.Client();
        var toolkit = await client.GetAsync("toolkits/github");
        Assert.Equal("GitHub Enterprise", toolkit.Obj["name"]!.GetValue<string>());
        var list = await client.GetAsync("toolkits?limit=50");
        Assert.Single(list.Obj["items"]!.AsArray(), i => i!["slug"]!.GetValue<string>() == "github");
        Assert.Equal(201, (await client.PostAsync("auth_configs", new { toolkit = new { slug = "github" }, auth_config = new { type = "use_custom_auth", authScheme = "API_KEY" } })).Code);
        Assert.Equal(400, (await client.PostAsync("auth_configs", new { toolkit = new { slug = "github" } })).Code); // no managed scheme any more
    }

    [Fact]
    public async Task FaultsFile_IsActiveFromTheStart()
    {
        var faults = TempJson("""{"rules": [{"method": "GET", "path": "/api/v3.1/toolkits", "kind": "status", "status": 503, "times": 1}]}""");
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = faults });
        using var client = emulator.Client();
        Assert.Equal(503, (await client.GetAsync("toolkits")).Code);
        Assert.Equal(200, (await client.GetAsync("toolkits")).Code);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port", "notaport")]
    [InlineData("--api-key")]
    [InlineData("--catalog", "/nonexistent/catalog.json")]
    public async Task BadCommandLine_ExitsWithCode2(params string[] args)
    {
        using var process = Process.Start(EmulatorLauncher.StartInfo(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Composio.Emulator:", await stderr);
    }

    [Fact]
    public async Task BadCatalogFile_ExitsWithCode2()
    {
        var catalog = TempJson("""{"not": "an array"}""");
        using var process = Process.Start(EmulatorLauncher.StartInfo(new[] { "--catalog", catalog }))!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("array", await stderr);
    }

    [Fact]
    public async Task Sigterm_StopsCleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        await using var emulator = await TestEmulator.StartAsync();
        using var kill = Process.Start("kill", new[] { "-TERM", emulator.Process.Id.ToString() })!;
        await kill.WaitForExitAsync();
        await emulator.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, emulator.Process.ExitCode);
    }
}
