using System.Net;
using Composio.Client.Errors;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// One odd value never fails a whole answer: optional members are read tolerantly, and a value that
/// cannot be read is left empty on that one object and named in the page's Unreadable list.
/// </summary>
public class TolerantReadTests
{
    private const string Good = """
        {"id":"ac_good00000001","uuid":"u1","type":"custom","toolkit":{"slug":"github","logo":""},"name":"Good","auth_scheme":"OAUTH2",
         "is_composio_managed":false,"credentials":{"client_id":"abc"},"status":"ENABLED","no_of_connections":2,
         "expected_input_fields":[],"tool_access_config":{"tools_available_for_execution":["GITHUB_STAR"]},"is_enabled_for_tool_router":true}
        """;

    private const string Odd = """
        {"id":"ac_odd000000001","uuid":"u2","type":"default","toolkit":{"slug":"GitHub","logo":""},"name":12,"auth_scheme":"OAUTH2",
         "is_composio_managed":"true","credentials":"not an object","proxy_config":[],"status":"PAUSED","no_of_connections":3.0,
         "created_at":false,"expected_input_fields":["a text",5,null,{"name":"token","displayName":"Token","type":"string","description":"","required":"true","is_secret":"yes"}],
         "tool_access_config":{"tools_for_connected_account_creation":["A",7,{"x":1}],"tools_available_for_execution":"ALL"},
         "restrict_to_following_tools":null,"shared_credentials":{"k":"v"},"is_enabled_for_tool_router":"maybe"}
        """;

    private static string Envelope(params string[] items) =>
        $$"""{"items":[{{string.Join(",", items)}}],"next_cursor":null,"total_pages":1.0,"current_page":1,"total_items":"{{items.Length}}"}""";

    [Fact]
    public async Task A_listing_with_odd_values_keeps_every_config_and_reads_what_it_can()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, Envelope(Good, Odd));
        using var client = TestClients.With(fake);
        var page = await client.ListAuthConfigsAsync(null);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal(2, page.TotalItems);
        Assert.Equal(1, page.TotalPages);
        var good = page.Items[0];
        Assert.Equal(2, good.ConnectionCount);
        Assert.Equal(new[] { "GITHUB_STAR" }, good.ToolsAvailableForExecution);
        Assert.True(good.IsEnabledForToolRouter);

        var odd = page.Items[1];
        Assert.Equal("ac_odd000000001", odd.Id);
        Assert.Equal("12", odd.Name);                       // a number where text was expected: its text
        Assert.True(odd.IsComposioManaged);                 // "true"
        Assert.Equal(3, odd.ConnectionCount);               // 3.0
        Assert.Equal("PAUSED", odd.Status);                 // unknown status kept as its text
        Assert.Null(odd.IsEnabled);                         // neither enabled nor disabled
        Assert.Empty(odd.Credentials);                      // unreadable: left empty
        Assert.Null(odd.ProxyUrl);
        Assert.Null(odd.CreatedAt);
        Assert.Null(odd.IsEnabledForToolRouter);            // "maybe"
        Assert.Equal("token", Assert.Single(odd.ExpectedInputFields).Name); // the one object among the items
        Assert.True(odd.ExpectedInputFields[0].Required);
        Assert.True(odd.ExpectedInputFields[0].IsSecret);
        Assert.Equal(new[] { "A", "7" }, odd.ToolsForConnectedAccountCreation);
        Assert.Empty(odd.ToolsAvailableForExecution);

        Assert.Contains(page.Unreadable, u => u.StartsWith("credentials"));
        Assert.Contains(page.Unreadable, u => u.StartsWith("proxy_config"));
        Assert.Contains(page.Unreadable, u => u.StartsWith("is_enabled_for_tool_router"));
        Assert.Contains(page.Unreadable, u => u.StartsWith("expected_input_fields[0]"));
        Assert.Contains(page.Unreadable, u => u.StartsWith("tools_available_for_execution"));
        Assert.DoesNotContain(page.Unreadable, u => u.StartsWith("no_of_connections"));
        Assert.DoesNotContain(page.Unreadable, u => u.StartsWith("status"));
    }

    [Fact]
    public async Task An_item_that_is_not_an_object_is_dropped_and_named_and_the_walker_collects_every_page()
    {
        var fake = new FakeHandler()
            .Then(HttpStatusCode.OK, """{"items":[7,""" + Good + """],"next_cursor":"c2","total_pages":2,"current_page":1,"total_items":3}""")
            .Then(HttpStatusCode.OK, """{"items":[""" + Good.Replace("ac_good00000001", "ac_good00000002").Replace("\"no_of_connections\":2", "\"no_of_connections\":\"many\"") + """],"next_cursor":null,"total_pages":2,"current_page":2,"total_items":3}""");
        using var client = TestClients.With(fake);
        var walker = client.WalkAuthConfigs(null);
        var all = await walker.ReadAllAsync();

        Assert.Equal(new[] { "ac_good00000001", "ac_good00000002" }, all.Select(c => c.Id));
        Assert.Null(all[1].ConnectionCount); // "many" is no count
        Assert.Equal(2, walker.Unreadable.Count);
        Assert.StartsWith("items[0]", walker.Unreadable[0]);
        Assert.StartsWith("no_of_connections", walker.Unreadable[1]);
        Assert.Contains("2 value(s)", Composio.Client.Json.UnreadableValues.Summary(walker.Unreadable));
    }

    [Fact]
    public async Task A_retrieve_with_odd_values_is_read_and_the_problems_are_logged()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, Odd);
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        AuthConfig config;
        using (Composio.Client.Logging.ClientLog.Use(log))
        {
            config = await client.GetAuthConfigAsync("ac_odd000000001");
        }
        Assert.Equal("github", config.Toolkit);
        Assert.Contains(log.VerboseLines, l => l.Contains("could not be read") && l.Contains("credentials"));
    }

    [Fact]
    public async Task A_toolkit_with_odd_values_keeps_its_schemes()
    {
        const string toolkit = """
            {"slug":"github","name":"GitHub","type":"native","enabled":"true","is_local_toolkit":false,
             "composio_managed_auth":[{"mode":"OAUTH2","scopes":{"available":["repo",3]}},"junk"],
             "auth_config_details":[{"mode":"OAUTH2","name":"github_oauth","fields":{"auth_config_creation":{"required":[{"name":"client_id","displayName":"Client id","type":"string","description":"","required":true}],"optional":"none"},"connected_account_initiation":[]}},5],
             "meta":{"tools_count":"12","triggers_count":1.0,"categories":"dev","description":"d","logo":"","created_at":"","updated_at":"","version":"1"},
             "deprecated":{"toolkitId":"x","rawProxyInfoByAuthSchemes":[]}}
            """;
        var fake = new FakeHandler().Then(HttpStatusCode.OK, toolkit);
        using var client = TestClients.With(fake);
        var read = await client.GetToolkitAsync("github");
        Assert.True(read.Enabled);
        Assert.Equal(12, read.ToolsCount);
        Assert.Equal(1, read.TriggersCount);
        Assert.Empty(read.Categories);
        var scheme = Assert.Single(read.AuthConfigDetails!);
        Assert.Equal("OAUTH2", scheme.AuthScheme);
        Assert.Equal(new[] { "client_id" }, scheme.AuthConfigCreationFields.Select(f => f.Name));
        Assert.Empty(scheme.ConnectedAccountInitiationFields);
        Assert.Equal(new[] { "repo", "3" }, scheme.AvailableScopes);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"items\":")]
    public async Task An_answer_whose_top_level_is_not_the_expected_object_is_still_an_invalid_response(string body)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, body);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_x0000000001"));
        Assert.Equal("ComposioInvalidResponse", error.ErrorId);
    }
}
