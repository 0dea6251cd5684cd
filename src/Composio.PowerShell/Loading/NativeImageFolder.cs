using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// Which `dependencies/&lt;rid&gt;/` folder of ReadyToRun images this process may load
    /// (tools/ReadyToRunImages builds them). An image holds machine code for one OS and architecture
    /// and one .NET major version; anywhere else (another runtime identifier, another .NET, .NET
    /// Framework, which has no load context for them) the IL files in `dependencies/` serve.
    /// </summary>
    internal static class NativeImageFolder
    {
        /// <summary>The .NET major version the images are compiled for: tools/ReadyToRunImages' target framework (a test ties them).</summary>
        internal const int RuntimeMajor = 10;

        /// <summary>For this process, among the folders that exist.</summary>
        public static string? ForThisProcess(IEnumerable<string> folders)
        {
            var os = new[] { OSPlatform.Linux, OSPlatform.OSX, OSPlatform.Windows }.Where(RuntimeInformation.IsOSPlatform).ToList();
            return os.Count == 0
                ? null
                : Choose(RuntimeFacts.Current.HasLoadContexts, Environment.Version.Major, os[0], RuntimeInformation.OSArchitecture, folders);
        }

        /// <summary>
        /// The runtime identifier's folder (e.g. linux-x64) when the runtime can use its images and
        /// it is one of <paramref name="folders"/>; null otherwise.
        /// </summary>
        public static string? Choose(bool hasLoadContexts, int runtimeMajor, OSPlatform os, Architecture architecture, IEnumerable<string> folders)
        {
            if (!hasLoadContexts || runtimeMajor != RuntimeMajor)
            {
                return null;
            }
            var prefix = os == OSPlatform.Linux ? "linux" : os == OSPlatform.OSX ? "osx" : os == OSPlatform.Windows ? "win" : null;
            var suffix = architecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                _ => null,
            };
            if (prefix == null || suffix == null)
            {
                return null;
            }
            var rid = prefix + "-" + suffix;
            return folders.Contains(rid, StringComparer.Ordinal) ? rid : null;
        }
    }
}
