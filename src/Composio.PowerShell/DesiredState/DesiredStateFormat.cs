using System;
using System.IO;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>The two file formats of a desired-state file, chosen by extension.</summary>
    internal enum DesiredStateFormat
    {
        Unsupported,
        Psd1,
        Json,
    }

    internal static class DesiredStateFormats
    {
        public static DesiredStateFormat Of(string path) =>
            Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".psd1" => DesiredStateFormat.Psd1,
                ".json" => DesiredStateFormat.Json,
                _ => DesiredStateFormat.Unsupported,
            };

        public static DesiredStateProblem Unsupported(string path) =>
            new DesiredStateProblem("DesiredStateUnsupportedFormat",
                $"the extension '{Path.GetExtension(path)}' is not a desired-state format; use .psd1 (PowerShell data) or .json.");
    }
}
