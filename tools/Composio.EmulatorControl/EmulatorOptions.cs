namespace Composio.EmulatorControl;

/// <summary>What to start: the emulator's command line, how long to wait for it, where its output goes.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The emulator's own default key, used when <see cref="ApiKeys"/> is empty.</summary>
    public const string DefaultApiKey = "ak_emulator_test";

    /// <summary>Composio.Emulator.dll; null for <see cref="EmulatorLauncher.DefaultDllPath"/>.</summary>
    public string? DllPath { get; set; }

    /// <summary>Accepted x-api-key values (each one an --api-key); empty means <see cref="DefaultApiKey"/>.</summary>
    public IList<string> ApiKeys { get; set; } = new List<string>();

    /// <summary>Port to bind on 127.0.0.1; 0 lets the emulator pick a free one.</summary>
    public int Port { get; set; }

    /// <summary>--catalog: a JSON file of extra toolkits.</summary>
    public string? Catalog { get; set; }

    /// <summary>--faults: a JSON file of fault rules active from the start.</summary>
    public string? Faults { get; set; }

    /// <summary>--lossy-page-limit: imitate the service's lossy paging above the 50-item cap (contract §8 item 5).</summary>
    public bool LossyPageLimit { get; set; }

    /// <summary>How long to wait for the listening line; null for <see cref="EmulatorLauncher.DefaultStartTimeout"/>.</summary>
    public TimeSpan? StartTimeout { get; set; }

    /// <summary>
    /// Folder for stdout.txt and stderr.txt; null for a new folder under the temp path, which
    /// stopping the emulator removes. A folder given here is kept.
    /// </summary>
    public string? LogDir { get; set; }
}
