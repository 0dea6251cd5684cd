using Composio.PowerShell.DesiredState;
using Xunit;

namespace Composio.PowerShell.Tests;

/// <summary>
/// The desired-state key table drives the parser and both writers: every key in it must come out
/// of each writer and back through the parser with its value. A key added to the table without a
/// value here, or one a writer or the parser leaves out, fails.
/// </summary>
public class DesiredStateKeysTests
{
    /// <summary>An entry with every key of the table set to a value other than its default.</summary>
    private static DesiredAuthConfig Full() => new()
    {
        Toolkit = "github",
        Name = "it's ‘quoted’ — équipe",
        Type = AuthConfigType.Custom,
        AuthScheme = "OAUTH2",
        Credentials = new[]
        {
            new DesiredCredential("client_id", 0, "id-1", null),
            new DesiredCredential("client_secret", 0, null, new SecretReference("gh.secret", "GH_SECRET")),
            new DesiredCredential("retries", 0, 3L, null),
            new DesiredCredential("strict", 0, true, null),
        },
        Scopes = new[] { "repo", "read:org" },
        UserScopes = new[] { "chat:write" },
        ToolsForConnectedAccountCreation = new[] { "GITHUB_STAR_REPO" },
        ToolsAvailableForExecution = new[] { "GITHUB_LIST_REPOS", "GITHUB_GET_REPO" },
        ProxyUrl = "https://proxy.example.test/",
        ProxyAuthKey = new SecretReference(null, "PROXY_KEY"),
        EnabledForToolRouter = true,
        SharedCredentials = new[] { new DesiredCredential("api_key", 0, null, new SecretReference("shared.key", null)) },
        Enabled = false,
    };

    public static TheoryData<string> Formats => new() { ".psd1", ".json" };

    [Fact]
    public void TheFullEntrySetsEveryKey()
    {
        var full = Full();
        Assert.All(DesiredStateKeys.Entry, key => Assert.True(key.Read(full) != null, $"Full() leaves {key.Name} unset: give the new key a value in this test."));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryKeyIsWrittenAndReadBack(string extension)
    {
        var full = Full();
        var text = extension == ".psd1" ? PowerShellDataWriter.Write(new[] { full }) : JsonFileWriter.Write(new[] { full });
        var path = Path.Combine(Path.GetTempPath(), $"composio-keys-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        try
        {
            var parsed = Assert.Single(DesiredStateParser.Load(path).AuthConfigs);
            foreach (var key in DesiredStateKeys.Entry)
            {
                Assert.True(text.Contains(key.Name, StringComparison.Ordinal), $"the {extension} writer leaves out {key.Name}");
                Assert.Equal(Canonical(key.Read(full)), Canonical(key.Read(parsed)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheParserKnowsExactlyTheTableKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"composio-keys-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"AuthConfigs\": [ { \"Toolkit\": \"github\", \"Name\": \"a\", \"Colour\": \"red\" } ] }");
        try
        {
            var problem = Assert.Single(Assert.Throws<DesiredStateFileException>(() => DesiredStateParser.Load(path)).Problems);
            Assert.Equal("DesiredStateUnknownKey", problem.ErrorId);
            Assert.Contains("Valid keys here: " + string.Join(", ", DesiredStateKeys.EntryNames) + ".", problem.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A value as text that compares by content: lists item by item, references by their names.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "(none)",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        SecretReference r => $"ref({r.Secret}|{r.Env})",
        IEnumerable<DesiredCredential> credentials => "{" + string.Join("; ", credentials.Select(c => c.Key + "=" + Canonical(c.Reference ?? c.Literal))) + "}",
        IEnumerable<string> words => "[" + string.Join(", ", words.Select(Canonical)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
