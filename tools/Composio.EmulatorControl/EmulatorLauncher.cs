using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Composio.EmulatorControl;

/// <summary>
/// Starts the built emulator as <c>dotnet Composio.Emulator.dll --port 0 --api-key … [--catalog …]</c>,
/// its output going to files, and hands it over once it has printed its one line
/// "Now listening on: http://127.0.0.1:&lt;port&gt;". The only code that launches the emulator:
/// the xunit suites use it directly, tools/EmulatorControl.psm1 wraps it for Pester, demo and bench.
/// </summary>
public static class EmulatorLauncher
{
    public const string ListeningPrefix = "Now listening on: ";

    /// <summary>Environment variable naming another Composio.Emulator.dll to start.</summary>
    public const string DllVariable = "COMPOSIO_EMULATOR_DLL";

    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    /// <summary>30 s, scaled by <see cref="MachineLoad"/>: the emulator starts in well under a second on a quiet machine.</summary>
    public static TimeSpan DefaultStartTimeout => MachineLoad.Scale(TimeSpan.FromSeconds(30));

    /// <summary><c>COMPOSIO_EMULATOR_DLL</c> if set, else the emulator this library was built with.</summary>
    public static string DefaultDllPath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable(DllVariable);
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }
            var baked = typeof(EmulatorLauncher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "EmulatorDll")?.Value;
            return string.IsNullOrEmpty(baked)
                ? throw new InvalidOperationException($"No emulator path was built into {typeof(EmulatorLauncher).Assembly.GetName().Name}; set {DllVariable}.")
                : baked;
        }
    }

    /// <summary>The emulator's command line (after the dll) for these options.</summary>
    public static IReadOnlyList<string> Arguments(EmulatorOptions options)
    {
        var arguments = new List<string> { "--port", options.Port.ToString(CultureInfo.InvariantCulture) };
        foreach (var key in ApiKeys(options))
        {
            arguments.Add("--api-key");
            arguments.Add(key);
        }
        if (!string.IsNullOrEmpty(options.Catalog))
        {
            arguments.Add("--catalog");
            arguments.Add(options.Catalog);
        }
        if (!string.IsNullOrEmpty(options.Faults))
        {
            arguments.Add("--faults");
            arguments.Add(options.Faults);
        }
        if (options.LossyPageLimit)
        {
            arguments.Add("--lossy-page-limit");
        }
        return arguments;
    }

    /// <summary>
    /// <c>dotnet &lt;dll&gt; &lt;arguments&gt;</c> with stdout and stderr redirected, for tests of the
    /// command line itself; <see cref="StartAsync"/> is the way to get a running emulator.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? dllPath = null)
    {
        var dll = dllPath ?? DefaultDllPath;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator is not built at '{dll}'. Run ./build.ps1 Build, build a test project (it builds the emulator too), or set {DllVariable}.", dll);
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }

    public static EmulatorInstance Start(EmulatorOptions? options = null) =>
        StartAsync(options).GetAwaiter().GetResult();

    /// <summary>
    /// Starts the emulator and waits for its listening line. If it exits first, or says nothing
    /// within the start timeout, it is killed and the exception says why (with its stderr, or the
    /// folder holding its output).
    /// </summary>
    public static async Task<EmulatorInstance> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var info = StartInfo(Arguments(options), options.DllPath);
        var ownsLogDir = string.IsNullOrEmpty(options.LogDir);
        var logDir = Path.GetFullPath(ownsLogDir
            ? Path.Combine(Path.GetTempPath(), $"composio-emulator-{Guid.NewGuid().ToString("N")[..8]}")
            : options.LogDir!);
        Directory.CreateDirectory(logDir);
        var timeout = options.StartTimeout ?? DefaultStartTimeout;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new ProcessOutput(process, logDir, clock);
        try
        {
            var (uri, startup) = await output.Listening.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return new EmulatorInstance(process, output, uri, ApiKeys(options), logDir, ownsLogDir, startup);
        }
        catch (TimeoutException)
        {
            await EndAsync(process, output).ConfigureAwait(false);
            throw new TimeoutException($"The emulator did not say where it listens within {timeout.TotalSeconds:0.#} s (its output is in {logDir}).");
        }
        catch (OutputEndedException)
        {
            var exitCode = await EndAsync(process, output).ConfigureAwait(false);
            var stderr = File.Exists(output.StandardErrorPath) ? File.ReadAllText(output.StandardErrorPath).Trim() : "";
            if (ownsLogDir)
            {
                DeleteLogDir(logDir); // all it holds is in the message
            }
            throw new InvalidOperationException($"The emulator exited at start ({exitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}): {stderr}");
        }
        catch
        {
            await EndAsync(process, output).ConfigureAwait(false);
            throw;
        }
    }

    internal static void DeleteLogDir(string logDir)
    {
        try
        {
            Directory.Delete(logDir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static IReadOnlyList<string> ApiKeys(EmulatorOptions options) =>
        options.ApiKeys.Count > 0 ? options.ApiKeys.ToArray() : new[] { EmulatorOptions.DefaultApiKey };

    /// <summary>
    /// Kills the process and its children if still running, waits for it and for its output to
    /// reach the files, then releases it. Returns the exit code when it could be read.
    /// </summary>
    internal static async Task<int?> EndAsync(Process process, ProcessOutput output)
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
            // Exited in between.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Could not be killed (already going away); the wait below decides.
        }
        int? exitCode = null;
        using (var wait = new CancellationTokenSource(StopWait))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                exitCode = process.ExitCode;
            }
            catch (OperationCanceledException)
            {
            }
        }
        try
        {
            await output.Pumps.WaitAsync(StopWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        process.Dispose();
        return exitCode;
    }
}
