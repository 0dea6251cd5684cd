namespace Composio.Emulator.Tests;

/// <summary>This suite's way to start the emulator: the shared launcher, with the suite's key unless told otherwise.</summary>
public static class TestEmulator
{
    public const string DefaultKey = "ak_test_fixture";

    public static Task<EmulatorInstance> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        if (options.ApiKeys.Count == 0)
        {
            options.ApiKeys.Add(DefaultKey);
        }
        return EmulatorLauncher.StartAsync(options);
    }

    public static ApiClient Client(this EmulatorInstance emulator, string? apiKey = DefaultKey, string version = "v3.1", bool pooled = true) =>
        new(emulator.BaseUri, apiKey, version, pooled);
}

/// <summary>One emulator process shared by the "Emulator" collection; tests in it run one at a time and reset state first.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorInstance? _emulator;

    public EmulatorInstance Emulator => _emulator ?? throw new InvalidOperationException("Emulator not started.");

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}

/// <summary>Base for tests on the shared emulator: a fresh client and a reset before each test.</summary>
[Collection(EmulatorCollection.Name)]
public abstract class EmulatorTest : IAsyncLifetime
{
    protected EmulatorTest(EmulatorFixture fixture)
    {
        Fixture = fixture;
        Api = fixture.Emulator.Client();
    }

    protected EmulatorFixture Fixture { get; }
    protected ApiClient Api { get; }

    /// <summary>The shared launcher's admin calls, for setting up and reading state; <see cref="ApiClient.AdminAsync"/> when the admin API itself is under test.</summary>
    protected EmulatorAdmin Admin => Fixture.Emulator.Admin;

    public virtual Task InitializeAsync() => Admin.ResetAsync();

    public virtual Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
