using System.Text.Json.Nodes;
using Composio.EmulatorControl;
using Xunit;

namespace Composio.Client.Tests.Emulator;

/// <summary>
/// The built emulator on a free port of 127.0.0.1, started and killed by the shared launcher
/// (tools/Composio.EmulatorControl, which shares no code with the client). COMPOSIO_EMULATOR_DLL
/// overrides where it is.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Key = "ak_emulator_fixture_SECRET_77";
    private EmulatorInstance? _emulator;

    public EmulatorInstance Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public Uri BaseUri => Emulator.BaseUri;

    public EmulatorAdmin Admin => Emulator.Admin;

    public async Task InitializeAsync() => _emulator = await EmulatorLauncher.StartAsync(new EmulatorOptions { ApiKeys = { Key } });

    public async Task DisposeAsync()
    {
        if (_emulator != null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public Task Reset() => Admin.ResetAsync();

    public Task Fault(params object[] rules) => Admin.AddFaultsAsync(rules);

    public async Task<List<JsonNode>> Requests() => (await Admin.GetRequestsAsync()).Select(n => n!).ToList();

    public async Task<int> Count(string method, string path = "/api/v3.1/auth_configs") =>
        (await Requests()).Count(r => (string?)r["method"] == method && ((string?)r["path"])!.StartsWith(path, StringComparison.Ordinal));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
