using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Composio.PowerShell.Loading;
using Xunit;

namespace Composio.PowerShell.Tests;

public class NativeImageFolderTests
{
    private static readonly string[] Built = { "linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64" };

    [Theory]
    [InlineData("LINUX", Architecture.X64, "linux-x64")]
    [InlineData("LINUX", Architecture.Arm64, "linux-arm64")]
    [InlineData("OSX", Architecture.X64, "osx-x64")]
    [InlineData("OSX", Architecture.Arm64, "osx-arm64")]
    [InlineData("WINDOWS", Architecture.X64, "win-x64")]
    [InlineData("WINDOWS", Architecture.Arm64, null)]
    [InlineData("WINDOWS", Architecture.X86, null)]
    [InlineData("LINUX", Architecture.Arm, null)]
    [InlineData("FREEBSD", Architecture.X64, null)]
    public void OnTheImagesNet_TheRuntimeIdentifiersFolder_WhenItWasBuilt(string os, Architecture architecture, string? expected)
    {
        Assert.Equal(expected, NativeImageFolder.Choose(true, NativeImageFolder.RuntimeMajor, OSPlatform.Create(os), architecture, Built));
    }

    [Fact]
    public void AFolderThatIsNotThere_IsNotChosen()
    {
        Assert.Null(NativeImageFolder.Choose(true, 10, OSPlatform.Linux, Architecture.X64, new[] { "osx-x64", "win-x64" }));
        Assert.Equal("win-x86", NativeImageFolder.Choose(true, 10, OSPlatform.Windows, Architecture.X86, new[] { "win-x86" }));
        Assert.Null(NativeImageFolder.Choose(true, 10, OSPlatform.Linux, Architecture.X64, new[] { "Linux-X64" }));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(4)]
    public void AnotherNet_LoadsTheILFiles(int major)
    {
        Assert.Null(NativeImageFolder.Choose(true, major, OSPlatform.Linux, Architecture.X64, Built));
    }

    [Fact]
    public void NetFramework_LoadsTheILFiles()
    {
        Assert.Null(NativeImageFolder.Choose(false, 10, OSPlatform.Windows, Architecture.X64, Built));
    }

    [Fact]
    public void RuntimeMajor_IsTheImagesTargetFramework_AndEveryBuiltFolderCanBeChosen()
    {
        var project = XDocument.Load(typeof(NativeImageFolderTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ReadyToRunImagesProject").Value!);
        string Property(string name) => project.Descendants(name).Single().Value;
        Assert.Equal($"net{NativeImageFolder.RuntimeMajor}.0", Property("TargetFramework"));

        var built = Property("RuntimeIdentifiers").Split(';');
        Assert.NotEmpty(built);
        var choosable = new[] { OSPlatform.Linux, OSPlatform.OSX, OSPlatform.Windows }
            .SelectMany(os => new[] { Architecture.X64, Architecture.Arm64, Architecture.X86 }
                .Select(architecture => NativeImageFolder.Choose(true, NativeImageFolder.RuntimeMajor, os, architecture, built)))
            .Where(rid => rid != null);
        Assert.Equal(built.OrderBy(r => r), choosable.OrderBy(r => r));
    }

    [Fact]
    public void ThisProcess_OnLinuxX64_ChoosesLinuxX64()
    {
        // The test host is .NET 10 like the images; elsewhere the row above covers the mapping.
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return;
        }
        Assert.Equal(Environment.Version.Major == NativeImageFolder.RuntimeMajor ? "linux-x64" : null, NativeImageFolder.ForThisProcess(Built));
    }
}
