using System.Diagnostics;
using System.Reflection;

namespace Composio.Emulator.Tests;

/// <summary>
/// The built emulator started as a real process (`dotnet Composio.Emulator.dll --port 0 ...`),
/// ready once it has printed its "Now listening on:" line; killed on dispose.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ListeningPrefix = "Now listening on: ";
    public const string DefaultKey = "ak_test_fixture";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUri, TimeSpan startup)
    {
        _process = process;
        BaseUri = baseUri;
        StartupTime = startup;
    }

    public Uri BaseUri { get; }

    /// <summary>From Process.Start to the listening line.</summary>
    public TimeSpan StartupTime { get; }

    public Process Process => _process;

    public static string DllPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("COMPOSIO_EMULATOR_DLL");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }
            var baked = typeof(EmulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "EmulatorDll")?.Value;
            if (string.IsNullOrEmpty(baked) || !File.Exists(baked))
            {
                throw new FileNotFoundException($"Built emulator not found at '{baked}'. Build tests/Composio.Emulator.Tests (it builds the emulator) or set COMPOSIO_EMULATOR_DLL.");
            }
            return baked;
        }
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var allArgs = new List<string> { "--port", "0" };
        if (!args.Contains("--api-key"))
        {
            allArgs.AddRange(new[] { "--api-key", DefaultKey });
        }
        allArgs.AddRange(args);

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(StartInfo(allArgs)) ?? throw new InvalidOperationException("dotnet did not start.");
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.Add(e.Data); } } };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token);
                    throw new InvalidOperationException($"Emulator exited with {process.ExitCode} before listening: {string.Join('\n', stderr)}");
                }
                if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
                {
                    var elapsed = stopwatch.Elapsed;
                    var uri = new Uri(line[ListeningPrefix.Length..].Trim());
                    // Keep draining stdout so the child never blocks on a full pipe.
                    _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
                    return new EmulatorProcess(process, uri, elapsed);
                }
            }
        }
        catch
        {
            TryKill(process);
            process.Dispose();
            throw;
        }
    }

    public ApiClient Client(string? apiKey = DefaultKey, string version = "v3.1", bool pooled = true) =>
        new(BaseUri, apiKey, version, pooled);

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        TryKill(_process);
        try
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }
        catch (OperationCanceledException)
        {
        }
        _process.Dispose();
    }
}
