using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Composio.Client.Json;
using Composio.Client.Toolkits;
using Composio.Client.Wire;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// The warm-up builds the metadata the first commands use, nested types included, so reading a real
/// answer or cache file afterwards builds nothing more. Observed with fresh options whose resolver
/// records every type it is asked to describe.
/// </summary>
public class SerializerWarmupTests
{
    private static (JsonSerializerOptions Options, List<Type> Built) Recording()
    {
        var built = new List<Type>();
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => { lock (built) { built.Add(info.Type); } } } },
        };
        return (options, built);
    }

    private const string CreateAnswer = """
        {"toolkit":{"slug":"github"},"auth_config":{"id":"ac_new000000001","auth_scheme":"OAUTH2","is_composio_managed":true,"restrict_to_following_tools":["GITHUB_STAR"]}}
        """;

    private const string Config = """
        {"id":"ac_good00000001","uuid":"u1","type":"custom","toolkit":{"slug":"github","logo":""},"name":"Good","auth_scheme":"OAUTH2",
         "is_composio_managed":false,"credentials":{"client_id":"abc"},"status":"ENABLED","no_of_connections":2,"proxy_config":{"proxy_url":"https://p.example"},
         "expected_input_fields":[{"name":"token","displayName":"Token","type":"string","description":"","required":true,"is_secret":true}],
         "tool_access_config":{"tools_available_for_execution":["GITHUB_STAR"]},"is_enabled_for_tool_router":true}
        """;

    [Fact]
    public void Reading_a_create_answer_a_config_and_a_page_after_the_warm_up_builds_nothing_more()
    {
        var (answers, built) = Recording();
        SerializerWarmup.Run(answers, Recording().Options, Recording().Options);
        Assert.Contains(typeof(CreateAuthConfigResponseWire), built);
        var before = built.Count;

        JsonSerializer.Deserialize<CreateAuthConfigResponseWire>(CreateAnswer, answers);
        JsonSerializer.Deserialize<AuthConfigWire>(Config, answers);
        JsonSerializer.Deserialize<PageWire<AuthConfigWire>>($$"""{"items":[{{Config}}],"next_cursor":null,"total_pages":1,"current_page":1,"total_items":1}""", answers);

        Assert.Equal(string.Empty, string.Join(", ", built.Skip(before).Select(t => t.Name)));
    }

    [Fact]
    public void Reading_and_writing_a_toolkit_cache_file_after_the_warm_up_builds_nothing_more()
    {
        var (files, built) = Recording();
        SerializerWarmup.Run(Recording().Options, Recording().Options, files);
        var before = built.Count;
        Assert.True(before > 3, "the cache entry and the toolkit it holds, with their nested types");

        var toolkit = new Toolkit
        {
            Slug = "github",
            AuthSchemes = new[] { "OAUTH2" },
            AuthConfigDetails = new[]
            {
                new AuthSchemeDetail { AuthScheme = "OAUTH2", AuthConfigCreationFields = new[] { new AuthConfigField { Name = "client_id", Required = true } } },
            },
        };
        var text = JsonSerializer.Serialize(new ToolkitCache.Entry<Toolkit>(toolkit, DateTime.UtcNow), files);
        JsonSerializer.Deserialize<ToolkitCache.Entry<Toolkit>>(text, files);

        Assert.Equal(string.Empty, string.Join(", ", built.Skip(before).Select(t => t.Name)));
    }

    [Fact]
    public void Writing_create_and_update_bodies_after_the_warm_up_builds_nothing_more()
    {
        var (bodies, built) = Recording();
        SerializerWarmup.Run(Recording().Options, bodies, Recording().Options);
        var before = built.Count;

        foreach (var type in new[] { AuthConfigType.ComposioManaged, AuthConfigType.Custom })
        {
            // Credential values are written by their runtime type, which no list can name ahead.
            var request = new Requests.CreateAuthConfigRequest { Toolkit = "github", Name = "x", Type = type, AuthScheme = "OAUTH2", ToolsForConnectedAccountCreation = new[] { "GITHUB_STAR" } };
            var body = CreateAuthConfigBody.From(request, "github");
            JsonSerializer.SerializeToNode(body, body.GetType(), bodies);
            // An update's body is a type per config type (UpdateAuthConfigBody only chooses it).
            var update = UpdateAuthConfigBody.From(new Requests.UpdateAuthConfigRequest { Type = type, Name = "y", ToolsAvailableForExecution = new[] { "GITHUB_STAR" } }, "ac_1");
            JsonSerializer.SerializeToNode(update, update.GetType(), bodies);
        }

        Assert.Equal(string.Empty, string.Join(", ", built.Skip(before).Select(t => t.Name)));
    }
}
