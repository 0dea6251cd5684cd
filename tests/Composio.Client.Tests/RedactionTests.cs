using System.Net;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Redaction;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>No API key, credential value or secret field in Debug/Verbose lines, exceptions or output objects.</summary>
public class RedactionTests
{
    private const string ClientSecret = "cs_SUPER_SECRET_value_1";
    // client_id is no secret: Debug shows it, so a log can confirm which app a config was made with.
    private const string ClientId = "cid_visible_in_debug_2";
    private const string ProxyKey = "pk_PROXY_AUTH_secret_3";
    private const string BearerAsId = "tw_BEARER_in_generic_id_4";

    private static readonly string[] s_secrets = { TestClients.ApiKey, ClientSecret, ProxyKey, BearerAsId };

    private static CreateAuthConfigRequest Create() => new()
    {
        Toolkit = "notion",
        Type = AuthConfigType.Custom,
        AuthScheme = "OAUTH2",
        Name = "leak-test",
        Credentials = new Dictionary<string, object?> { ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["generic_id"] = BearerAsId },
        ProxyUrl = "https://proxy.example",
        ProxyAuthKey = ProxyKey,
    };

    private static void AssertClean(string? text, string where)
    {
        foreach (var secret in s_secrets)
        {
            Assert.False(text != null && text.Contains(secret, StringComparison.Ordinal), $"{where} holds a secret: {text}");
        }
    }

    private static void AssertClean(CapturingLog log)
    {
        Assert.NotEmpty(log.DebugLines);
        foreach (var line in log.All)
        {
            AssertClean(line, "a log line");
        }
    }

    private static void AssertClean(ComposioException error)
    {
        for (Exception? e = error; e != null; e = e.InnerException)
        {
            AssertClean(e.Message, "an exception message");
            AssertClean(e.ToString(), "an exception");
        }
        AssertClean(error.ServerMessage, "ServerMessage");
        AssertClean(error.SuggestedFix, "SuggestedFix");
        AssertClean(error.RecommendedAction, "RecommendedAction");
        AssertClean(error.Target, "Target");
        foreach (var detail in error.Details)
        {
            AssertClean(detail, "Details");
        }
    }

    [Fact]
    public async Task Debug_shows_method_url_status_timing_and_a_masked_body()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, "{\"toolkit\":{\"slug\":\"notion\"},\"auth_config\":{\"id\":\"ac_new1\",\"auth_scheme\":\"OAUTH2\"}}");
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        using (ClientLog.Use(log))
        {
            await client.CreateAuthConfigAsync(Create());
        }
        AssertClean(log);
        var lines = log.DebugLines.ToList();
        Assert.Contains(lines, l => l.StartsWith("HTTP POST https://api.test.invalid/api/v3.1/auth_configs body ") && l.Contains("\"client_secret\":\"***\"") && l.Contains("\"generic_id\":\"***\"") && l.Contains("\"name\":\"leak-test\""));
        Assert.True(lines.Any(l => l.Contains($"\"client_id\":\"{ClientId}\"")), string.Join("\n", lines));
        Assert.Contains(lines, l => l.StartsWith("HTTP 201 Created from POST") && l.Contains(" ms; body ") && l.Contains("ac_new1"));
        // The key did go out, as a header; it is just never written down.
        Assert.Equal(TestClients.ApiKey, fake.Attempts[0].ApiKey);
        Assert.Contains(ClientSecret, fake.Attempts[0].Body);
    }

    [Fact]
    public async Task Server_answers_that_echo_secrets_are_masked_in_logs_and_errors()
    {
        var echo = $"{{\"error\":{{\"message\":\"client_secret {ClientSecret} rejected for key {TestClients.ApiKey}\",\"suggested_fix\":\"try something other than {ProxyKey}\",\"errors\":[\"{ClientId} is unknown\",\"{BearerAsId}\"],\"credentials\":{{\"client_secret\":\"{ClientSecret}\"}}}}}}";
        var fake = new FakeHandler().Then(HttpStatusCode.BadRequest, echo);
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        ComposioException error;
        using (ClientLog.Use(log))
        {
            error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create()));
        }
        AssertClean(log);
        AssertClean(error);
        Assert.Contains("client_secret *** rejected", error.Message);
    }

    [Fact]
    public async Task Retries_timeouts_and_lost_answers_leak_nothing()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("retry-after-ms", "5")).ThenDropped();
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        ComposioException error;
        using (ClientLog.Use(log))
        {
            error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create()));
        }
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Contains(log.VerboseLines, l => l.StartsWith("Retrying POST"));
        AssertClean(log);
        AssertClean(error);
    }

    [Fact]
    public async Task Output_objects_mask_secret_named_and_schema_marked_secret_credentials()
    {
        var body = $"{{\"id\":\"ac_1\",\"credentials\":{{\"client_id\":\"public-id\",\"client_secret\":\"{ClientSecret}\",\"generic_id\":\"{BearerAsId}\",\"nested\":{{\"x\":\"{ProxyKey}\"}}}}," +
                   "\"expected_input_fields\":[{\"name\":\"generic_id\",\"is_secret\":true}]}";
        var fake = new FakeHandler().Then(HttpStatusCode.OK, body);
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        AuthConfig config;
        using (ClientLog.Use(log))
        {
            config = await client.GetAuthConfigAsync("ac_1");
        }
        AssertClean(log);
        Assert.Equal("public-id", config.Credentials["client_id"]);
        Assert.Equal("***", config.Credentials["client_secret"]);
        Assert.Equal("***", config.Credentials["generic_id"]);
        Assert.Equal("***", config.Credentials["nested"]);
    }

    [Theory]
    [InlineData("{\"api_key\":\"K1\",\"nested\":{\"password\":\"P1\",\"list\":[{\"access_token\":\"T1\"}]}}", "K1", "P1", "T1")]
    [InlineData("{\"credentials\":{\"a\":\"V1\",\"b\":[\"V2\",\"V3\"],\"c\":{\"d\":\"V4\"}}}", "V1", "V2", "V3", "V4")]
    [InlineData("{\"shared_credentials\":{\"anything\":\"S1\"},\"proxy_config\":{\"proxy_auth_key\":\"S2\"}}", "S1", "S2")]
    [InlineData("[{\"client_secret\":\"A1\"},{\"generic_api_key\":\"A2\",\"bearer_token\":\"A3\"}]", "A1", "A2", "A3")]
    public void BodyRedactor_masks_at_any_depth(string json, params string[] hidden)
    {
        var redacted = BodyRedactor.Redact(json);
        foreach (var value in hidden)
        {
            Assert.DoesNotContain(value, redacted);
        }
        Assert.Contains("***", redacted);
    }

    [Theory]
    [InlineData("client_secret=abc&x=1")]
    [InlineData("<html>token abc</html>")]
    public void BodyRedactor_never_shows_non_json(string body) =>
        Assert.Equal($"({body.Length} characters, not JSON)", BodyRedactor.Redact(body));

    [Theory]
    [InlineData("client_secret", true)]
    [InlineData("api_key", true)]
    [InlineData("generic_api_key", true)]
    [InlineData("bearer_token", true)]
    [InlineData("password", true)]
    [InlineData("proxy_auth_key", true)]
    [InlineData("private_key", true)]
    [InlineData("client_id", false)]
    [InlineData("generic_id", false)]
    [InlineData("scopes", false)]
    [InlineData("oauth_redirect_uri", false)]
    public void SecretNames_knows_secrets_by_name(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecretName(name));
}
