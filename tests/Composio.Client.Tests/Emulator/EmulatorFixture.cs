using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Composio.Client.Tests.Emulator;

/// <summary>
/// Starts the built emulator (src/Composio.Emulator, built by the project reference) on a free
/// port of 127.0.0.1 and kills it afterwards. COMPOSIO_EMULATOR_DLL overrides where it is.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Key = "ak_emulator_fixture_SECRET_77";
    private Process? _process;
    private readonly HttpClient _admin = new();

    public Uri BaseUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dll = Environment.GetEnvironmentVariable("COMPOSIO_EMULATOR_DLL");
        if (string.IsNullOrEmpty(dll))
        {
            dll = typeof(EmulatorFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "EmulatorDll").Value;
        }
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator is not built at '{dll}'. Build tests/Composio.Client.Tests (it builds the emulator too).", dll);
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll!, "--port", "0", "--api-key", Key })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator.");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            const string prefix = "Now listening on: ";
            if (e.Data != null && e.Data.StartsWith(prefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(e.Data.Substring(prefix.Length).Trim());
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var ready = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (ready != listening.Task)
        {
            await DisposeAsync();
            throw new TimeoutException("The emulator did not say where it listens within 30 s.");
        }
        BaseUri = new Uri(listening.Task.Result);
    }

    public Task DisposeAsync()
    {
        if (_process != null && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _admin.Dispose();
        return Task.CompletedTask;
    }

    public async Task<JsonNode?> Admin(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, "/_emulator/" + path));
        if (body != null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }
        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    public Task Reset() => Admin(HttpMethod.Post, "reset", new { });

    public Task Fault(params object[] rules) => Admin(HttpMethod.Post, "faults", new { rules });

    public async Task<List<JsonNode>> Requests()
    {
        var list = await Admin(HttpMethod.Get, "requests");
        return list!.AsArray().Select(n => n!).ToList();
    }

    public async Task<int> Count(string method, string path = "/api/v3.1/auth_configs") =>
        (await Requests()).Count(r => (string?)r["method"] == method && ((string?)r["path"])!.StartsWith(path, StringComparison.Ordinal));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
