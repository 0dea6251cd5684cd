using System.Text.RegularExpressions;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>The client knows nothing of PowerShell: no cmdlet names or PowerShell parameters in what it says.</summary>
public class ClientIsolationTests
{
    private static readonly Regex s_powerShell = new(@"\b(Get|New|Set|Remove|Enable|Disable|Connect|Disconnect|Export|Sync)-Composio\w*|-AllowInsecureHttp\b|-ApiKey\b|Read-Host|SecureString|\$env:", RegexOptions.Compiled);

    [Fact]
    public void No_source_file_of_the_client_names_a_cmdlet_or_PowerShell_syntax()
    {
        var root = FindRepoRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Composio.Client"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && s_powerShell.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Composio.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Composio.sln not found above the test assembly.");
    }
}
