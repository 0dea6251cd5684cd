using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Composio.Client.Toolkits
{
    /// <summary>
    /// Where the toolkit cache lives, as each platform expects caches to: COMPOSIO_CACHE_DIR when
    /// set; else on Windows %LOCALAPPDATA%\Composio\Cache, on macOS ~/Library/Caches/composio, and
    /// elsewhere $XDG_CACHE_HOME/composio or ~/.cache/composio. The 0.1 location (local
    /// application data, Composio/cache) is no longer read: the cache only saves requests, so a
    /// first run after the upgrade simply fills the new folder.
    /// </summary>
    public static class CacheLocation
    {
        public const string Variable = "COMPOSIO_CACHE_DIR";

        /// <summary>The platforms whose cache conventions differ.</summary>
        public enum Platform
        {
            Windows,
            MacOS,
            /// <summary>Linux and the other Unix-likes: the XDG base directory convention.</summary>
            Unix,
        }

        /// <summary>The folder for toolkit metadata on this machine; null when the platform gives no home for a cache (then memory only).</summary>
        public static string? ToolkitFolder()
        {
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? Platform.Windows
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? Platform.MacOS
                : Platform.Unix;
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }
            return ToolkitFolder(platform, Environment.GetEnvironmentVariable, home, Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));
        }

        /// <summary>
        /// The choice itself, from what it depends on and nothing else, so every platform's rule is
        /// testable on any one: <paramref name="variable"/> reads an environment variable,
        /// <paramref name="home"/> is the user's home folder, <paramref name="localAppData"/> the
        /// Windows local application data folder (%LOCALAPPDATA%).
        /// </summary>
        public static string? ToolkitFolder(Platform platform, Func<string, string?> variable, string? home, string? localAppData)
        {
            var explicitDir = variable(Variable);
            if (!string.IsNullOrEmpty(explicitDir))
            {
                return explicitDir;
            }
            var root = PlatformRoot(platform, variable, home, localAppData);
            return root == null ? null : Path.Combine(root, "toolkits");
        }

        private static string? PlatformRoot(Platform platform, Func<string, string?> variable, string? home, string? localAppData)
        {
            switch (platform)
            {
                case Platform.Windows:
                    return string.IsNullOrEmpty(localAppData) ? null : Path.Combine(localAppData, "Composio", "Cache");
                case Platform.MacOS:
                    return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "Library", "Caches", "composio");
                default:
                    var xdg = variable("XDG_CACHE_HOME");
                    // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
                    if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
                    {
                        return Path.Combine(xdg, "composio");
                    }
                    return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "composio");
            }
        }
    }
}
