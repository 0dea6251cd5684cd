using Composio.Client.Requests;
using Composio.PowerShell.DesiredState;
using Xunit;

namespace Composio.PowerShell.Tests;

/// <summary>A desired-state file's meaning, from .psd1 and .json alike, and every problem reported at once.</summary>
public sealed class DesiredStateParserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("composio-parser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DesiredStateFile Load(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return DesiredStateParser.Load(path);
    }

    private const string Psd1 = """
        @{
            AuthConfigs = @(
                @{ Toolkit = 'GitHub'; Name = 'gh prod' }
                @{ Toolkit = 'notion'; Name = 'notion'; Type = 'Custom'; AuthScheme = 'oauth2'; Enabled = $false
                   Credentials = @{ client_id = 'cid'; client_secret = @{ Env = 'NOTION_SECRET' } }
                   Scopes = 'read', 'write' }
            )
            Prune = @{ Toolkits = 'github'; Name = 'gh *' }
        }
        """;

    private const string Json = """
        {
          "AuthConfigs": [
            { "Toolkit": "GitHub", "Name": "gh prod" },
            { "Toolkit": "notion", "Name": "notion", "Type": "Custom", "AuthScheme": "oauth2", "Enabled": false,
              "Credentials": { "client_id": "cid", "client_secret": { "Env": "NOTION_SECRET" } },
              "Scopes": ["read", "write"] }
          ],
          "Prune": { "Toolkits": ["github"], "Name": "gh *" }
        }
        """;

    [Theory]
    [InlineData("state.psd1", Psd1)]
    [InlineData("state.json", Json)]
    public void Both_formats_give_the_same_meaning(string name, string text)
    {
        var file = Load(name, text);

        Assert.Equal(2, file.AuthConfigs.Count);
        var managed = file.AuthConfigs[0];
        Assert.Equal(("github", "gh prod", AuthConfigType.ComposioManaged, true), (managed.Toolkit, managed.Name, managed.Type, managed.Enabled));
        Assert.Null(managed.Scopes); // not managed by the file

        var custom = file.AuthConfigs[1];
        Assert.Equal((AuthConfigType.Custom, "OAUTH2", false), (custom.Type, custom.AuthScheme, custom.Enabled));
        Assert.Equal(new[] { "read", "write" }, custom.Scopes);
        Assert.Equal(new[] { "client_id", "client_secret" }, custom.Credentials.Select(c => c.Key));
        Assert.Equal("cid", custom.Credentials[0].Literal);
        Assert.Equal("NOTION_SECRET", custom.Credentials[1].Reference?.Env);

        Assert.NotNull(file.Prune);
        Assert.True(file.Prune!.Covers("GitHub", "gh staging"));
        Assert.False(file.Prune.Covers("github", "prod"));
        Assert.False(file.Prune.Covers("notion", "gh staging"));
    }

    [Fact]
    public void Every_problem_is_reported_together_with_its_line()
    {
        var error = Assert.Throws<DesiredStateFileException>(() => Load("bad.psd1", """
            @{
                AuthConfigs = @(
                    @{ Toolkit = 'github'; Name = 'dup'; Colour = 'blue' }
                    @{ Toolkit = 'GITHUB'; Name = 'dup' }
                )
            }
            """));

        Assert.Equal(new[] { "DesiredStateUnknownKey", "DesiredStateDuplicateIdentity" }, error.Problems.Select(p => p.ErrorId).OrderByDescending(id => id));
        Assert.Equal(3, error.Problems.Single(p => p.ErrorId == "DesiredStateUnknownKey").Line);
    }

    [Fact]
    public void A_file_without_AuthConfigs_is_refused_but_an_empty_list_is_allowed()
    {
        var error = Assert.Throws<DesiredStateFileException>(() => Load("none.json", "{}"));
        Assert.Equal("DesiredStateMissingKey", error.ErrorId);
        Assert.Empty(Load("empty.json", """{ "AuthConfigs": [] }""").AuthConfigs);
    }
}
