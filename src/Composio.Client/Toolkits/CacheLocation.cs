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

        /// <summary>The folder for toolkit metadata; null when the platform gives no home for a cache (then memory only).</summary>
        public static string? ToolkitFolder()
        {
            var explicitDir = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(explicitDir))
            {
                return explicitDir;
            }
            var root = PlatformRoot();
            return root == null ? null : Path.Combine(root, "toolkits");
        }

        private static string? PlatformRoot()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                return string.IsNullOrEmpty(local) ? null : Path.Combine(local, "Composio", "Cache");
            }
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "Library", "Caches", "composio");
            }
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
            if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, "composio");
            }
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "composio");
        }
    }
}
