namespace Composio.EmulatorControl;

/// <summary>
/// How busy the machine is: the 1-minute load average per core, at least 1 (1 where it cannot be
/// read). Timing assertions and the emulator's start timeout are scaled by it, so a parallel build
/// elsewhere does not make them flaky while a quiet machine still holds the emulator to its targets.
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
