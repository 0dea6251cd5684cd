namespace Composio.Emulator.Tests;

/// <summary>
/// Timing assertions are scaled by how busy the machine is (1-minute load average per core, at
/// least 1), so a parallel build elsewhere does not make them flaky while a quiet machine still
/// holds the emulator to its targets.
/// </summary>
public static class MachineLoad
{
    public static double Factor
    {
        get
        {
            try
            {
                var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
                var load = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                return Math.Max(1.0, load / Environment.ProcessorCount);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                return 1.0;
            }
        }
    }

    public static TimeSpan Scale(TimeSpan limit) => limit * Factor;
}
