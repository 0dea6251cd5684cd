using System.Diagnostics;

namespace Composio.EmulatorControl;

/// <summary>A running emulator started by <see cref="EmulatorLauncher"/>; stopping or disposing it kills its process tree.</summary>
public sealed class EmulatorInstance : IDisposable, IAsyncDisposable
{
    private readonly ProcessOutput _output;
    private readonly bool _ownsLogDir;
    private int _stopped;

    internal EmulatorInstance(Process process, ProcessOutput output, Uri baseUri, IReadOnlyList<string> apiKeys, string logDir, bool ownsLogDir, TimeSpan startupTime)
    {
        Process = process;
        _output = output;
        BaseUri = baseUri;
        ApiKeys = apiKeys;
        LogDir = logDir;
        _ownsLogDir = ownsLogDir;
        StartupTime = startupTime;
        Admin = new EmulatorAdmin(baseUri);
    }

    /// <summary>The <c>dotnet</c> process; released once stopped.</summary>
    public Process Process { get; }

    /// <summary>From the listening line: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The first accepted key.</summary>
    public string ApiKey => ApiKeys[0];

    public IReadOnlyList<string> ApiKeys { get; }

    /// <summary>Holds stdout.txt and stderr.txt; removed on stop when the launcher made it.</summary>
    public string LogDir { get; }

    public string StandardOutputPath => _output.StandardOutputPath;

    public string StandardErrorPath => _output.StandardErrorPath;

    /// <summary>From starting the process to its listening line.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The admin API (<c>/_emulator/</c>): reset, request log, faults, seeding.</summary>
    public EmulatorAdmin Admin { get; }

    /// <summary>Kills the process tree (if it still runs), waits for it, and removes the log folder the launcher made. Idempotent.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        await EmulatorLauncher.EndAsync(Process, _output).ConfigureAwait(false);
        Admin.Dispose();
        if (_ownsLogDir)
        {
            EmulatorLauncher.DeleteLogDir(LogDir);
        }
    }

    public void Stop() => StopAsync().GetAwaiter().GetResult();

    public void Dispose() => Stop();

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    public override string ToString() => BaseUri.ToString();
}
