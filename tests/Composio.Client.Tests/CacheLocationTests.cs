using System.IO;
using Composio.Client.Toolkits;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// Issue 20 item 12: the toolkit cache's folder per platform, from the platform, the environment
/// and the home folder alone, so the Windows and macOS rules are checked on any machine.
/// </summary>
public class CacheLocationTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home", "ada");
    private static readonly string LocalAppData = Path.Combine(Path.GetTempPath(), "Users", "ada", "AppData", "Local");

    private static string? Folder(CacheLocation.Platform platform, string? cacheDir = null, string? xdg = null, string? home = null, string? localAppData = null) =>
        CacheLocation.ToolkitFolder(platform, name => name switch
        {
            CacheLocation.Variable => cacheDir,
            "XDG_CACHE_HOME" => xdg,
            _ => null,
        }, home ?? Home, localAppData ?? LocalAppData);

    [Fact]
    public void Linux_uses_XDG_CACHE_HOME_else_dot_cache()
    {
        var xdg = Path.Combine(Path.GetTempPath(), "xdg");
        Assert.Equal(Path.Combine(xdg, "composio", "toolkits"), Folder(CacheLocation.Platform.Unix, xdg: xdg));
        Assert.Equal(Path.Combine(Home, ".cache", "composio", "toolkits"), Folder(CacheLocation.Platform.Unix));
        // A relative XDG_CACHE_HOME is invalid by the XDG spec and ignored.
        Assert.Equal(Path.Combine(Home, ".cache", "composio", "toolkits"), Folder(CacheLocation.Platform.Unix, xdg: "relative/xdg"));
    }

    [Fact]
    public void MacOS_uses_Library_Caches_whatever_XDG_says()
    {
        var xdg = Path.Combine(Path.GetTempPath(), "xdg");
        Assert.Equal(Path.Combine(Home, "Library", "Caches", "composio", "toolkits"), Folder(CacheLocation.Platform.MacOS, xdg: xdg));
    }

    [Fact]
    public void Windows_uses_LOCALAPPDATA_Composio_Cache()
    {
        Assert.Equal(Path.Combine(LocalAppData, "Composio", "Cache", "toolkits"), Folder(CacheLocation.Platform.Windows, xdg: Path.Combine(Path.GetTempPath(), "xdg")));
    }

    [Theory]
    [InlineData(CacheLocation.Platform.Unix)]
    [InlineData(CacheLocation.Platform.MacOS)]
    [InlineData(CacheLocation.Platform.Windows)]
    public void COMPOSIO_CACHE_DIR_wins_on_every_platform(CacheLocation.Platform platform)
    {
        var explicitDir = Path.Combine(Path.GetTempPath(), "explicit cache");
        Assert.Equal(explicitDir, Folder(platform, cacheDir: explicitDir, xdg: Path.Combine(Path.GetTempPath(), "xdg")));
    }

    [Theory]
    [InlineData(CacheLocation.Platform.Unix)]
    [InlineData(CacheLocation.Platform.MacOS)]
    [InlineData(CacheLocation.Platform.Windows)]
    public void No_home_for_a_cache_means_memory_only(CacheLocation.Platform platform)
    {
        Assert.Null(CacheLocation.ToolkitFolder(platform, _ => null, "", ""));
    }
}
