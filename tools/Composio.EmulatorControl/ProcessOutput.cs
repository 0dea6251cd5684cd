using System.Diagnostics;
using System.Text;

namespace Composio.EmulatorControl;

/// <summary>
/// Copies the emulator's stdout and stderr, line by line, to stdout.txt and stderr.txt in the log
/// folder (flushed at once, readable while open), and notes the listening line. The copying never
/// stops while the process runs, so the emulator never blocks on a full pipe.
/// </summary>
internal sealed class ProcessOutput
{
    private readonly TaskCompletionSource<(Uri Uri, TimeSpan Startup)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock;

    public ProcessOutput(Process process, string logDir, Stopwatch clock)
    {
        _clock = clock;
        StandardOutputPath = Path.Combine(logDir, "stdout.txt");
        StandardErrorPath = Path.Combine(logDir, "stderr.txt");
        var stdout = Task.Run(() => CopyAsync(process.StandardOutput, StandardOutputPath, OnOutputLine));
        var stderr = Task.Run(() => CopyAsync(process.StandardError, StandardErrorPath, null));
        Pumps = Task.WhenAll(stdout.ContinueWith(_ => _listening.TrySetException(new OutputEndedException()), TaskScheduler.Default), stderr);
    }

    public string StandardOutputPath { get; }

    public string StandardErrorPath { get; }

    /// <summary>The address from the listening line and the time it took; fails with <see cref="OutputEndedException"/> if stdout ends first.</summary>
    public Task<(Uri Uri, TimeSpan Startup)> Listening => _listening.Task;

    /// <summary>Completes when both streams have ended and been written out.</summary>
    public Task Pumps { get; }

    private void OnOutputLine(string line)
    {
        if (!_listening.Task.IsCompleted
            && line.StartsWith(EmulatorLauncher.ListeningPrefix, StringComparison.Ordinal)
            && Uri.TryCreate(line[EmulatorLauncher.ListeningPrefix.Length..].Trim(), UriKind.Absolute, out var uri))
        {
            _listening.TrySetResult((uri, _clock.Elapsed));
        }
    }

    private static async Task CopyAsync(StreamReader reader, string path, Action<string>? onLine)
    {
        // A log file that cannot be written does not stop the reading: the pipe must keep draining.
        StreamWriter? file = null;
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            file = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        try
        {
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                try
                {
                    file?.WriteLine(line);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    file = null;
                }
                onLine?.Invoke(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was released: nothing more to read.
        }
        finally
        {
            try
            {
                file?.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>The emulator's stdout ended before it said where it listens.</summary>
internal sealed class OutputEndedException : Exception
{
    public OutputEndedException() : base("The emulator's output ended before it said where it listens.")
    {
    }
}
