namespace Composio.Emulator.Requests;

/// <summary>The /_emulator/* control surface: no key, no faults, not logged.</summary>
public static class AdminPaths
{
    public const string Prefix = "/_emulator";

    public static bool IsAdmin(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
