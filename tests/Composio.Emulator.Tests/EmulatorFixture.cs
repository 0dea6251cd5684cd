namespace Composio.Emulator.Tests;

/// <summary>One emulator process shared by the "Emulator" collection; tests in it run one at a time and reset state first.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;

    public EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("Emulator not started.");

    public async Task InitializeAsync() => _emulator = await EmulatorProcess.StartAsync();

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

    public virtual Task InitializeAsync() => Api.ResetAsync();

    public virtual Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
