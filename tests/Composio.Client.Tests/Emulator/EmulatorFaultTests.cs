using System.Diagnostics;
using Composio.Client.Errors;
using Composio.Client.Logging;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests.Emulator;

/// <summary>The whole client over real HTTP against the emulator's fault mode: what the server ends up holding.</summary>
[Collection(EmulatorCollection.Name)]
public class EmulatorFaultTests : IAsyncLifetime
{
    private const string Configs = "/api/v3.1/auth_configs";
    private readonly EmulatorFixture _emulator;

    public EmulatorFaultTests(EmulatorFixture emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.Reset();

    public Task DisposeAsync() => Task.CompletedTask;

    private ComposioClient Client(int maxRetries = 2, int timeoutMs = 5000, Uri? baseUri = null)
    {
        var options = TestClients.Options(baseUri ?? _emulator.BaseUri, maxRetries, TimeSpan.FromMilliseconds(timeoutMs));
        options.ApiKey = EmulatorFixture.Key;
        return new ComposioClient(options);
    }

    private static CreateAuthConfigRequest Create(string name) => new() { Toolkit = "github", Name = name };

    private async Task<int> Existing(ComposioClient client, string name) =>
        (await client.ListAuthConfigsAsync(new AuthConfigQuery { Search = name, ShowDisabled = true })).Items.Count(c => c.Name == name);

    private static object Rule(string? method, string kind, int? status = null, object? headers = null, int? delayMs = null, int times = 1, string path = Configs) =>
        new { method, path, kind, status, headers, delay_ms = delayMs, times };

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_refused_once_is_retried_and_made_once(int status)
    {
        await _emulator.Fault(Rule("POST", "status", status, new Dictionary<string, string> { ["retry-after-ms"] = "50" }));
        using var client = Client();
        var config = await client.CreateAuthConfigAsync(Create("refused-" + status));
        Assert.StartsWith("ac_", config.Id);
        Assert.Equal(2, await _emulator.Count("POST"));
        Assert.Equal(1, await Existing(client, "refused-" + status));
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_waited_for()
    {
        await _emulator.Fault(Rule("POST", "status", 429, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        using var client = Client();
        var clock = Stopwatch.StartNew();
        await client.CreateAuthConfigAsync(Create("retry-after"));
        Assert.InRange(clock.ElapsedMilliseconds, 950, 4000);
    }

    [Fact]
    public async Task A_create_answered_500_is_not_retried_and_nothing_is_made()
    {
        await _emulator.Fault(Rule("POST", "status", 500));
        using var client = Client();
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create("five-hundred")));
        Assert.Equal("ComposioServerError", error.ErrorId);
        Assert.Contains("Injected fault", error.Message);
        Assert.Equal(1, await _emulator.Count("POST"));
        Assert.Equal(0, await Existing(client, "five-hundred"));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_on_a_reused_connection_is_made_exactly_once()
    {
        using var client = Client();
        // Open a keep-alive connection first: .NET's own handler silently re-sends a request whose
        // reused connection closed before any answer, which would duplicate the create.
        await client.ListAuthConfigsAsync(null);
        await _emulator.Fault(Rule("POST", "drop_after"));
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create("drop-after")));
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Contains("may have been created", error.Message);
        Assert.True(error.MayHaveActed);
        Assert.Equal(("drop-after", "github", "POST"), (error.Name, error.Toolkit, error.Method));
        Assert.Equal(1, await _emulator.Count("POST"));
        Assert.Equal(1, await Existing(client, "drop-after"));
    }

    [Fact]
    public async Task A_create_whose_connection_drops_before_acting_is_reported_unclear_and_made_nowhere()
    {
        using var client = Client();
        await _emulator.Fault(Rule("POST", "drop_before"));
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create("drop-before")));
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Equal(1, await _emulator.Count("POST"));
        Assert.Equal(0, await Existing(client, "drop-before"));
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_retried()
    {
        using var client = Client(timeoutMs: 300);
        await _emulator.Fault(Rule("POST", "latency", delayMs: 2000));
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create("slow")));
        Assert.Equal("CreateOutcomeUnknown", error.ErrorId);
        Assert.Contains("0.3 s", error.Message);
        Assert.Equal(1, await _emulator.Count("POST"));
    }

    [Fact]
    public async Task A_create_against_a_closed_port_is_retried_and_reported_as_unreachable()
    {
        using var client = Client(baseUri: new Uri("http://127.0.0.1:9"));
        var log = new CapturingLog();
        ComposioException error;
        using (ClientLog.Use(log))
        {
            error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(Create("refused")));
        }
        Assert.Equal("ComposioConnectionFailed", error.ErrorId);
        Assert.Contains("connection refused", error.Message);
        Assert.Equal(2, log.VerboseLines.Count(l => l.StartsWith("Retrying POST") && l.Contains("connection refused")));
    }

    [Fact]
    public async Task A_get_retries_through_gateway_errors()
    {
        using var client = Client();
        var made = await client.CreateAuthConfigAsync(Create("get-me"));
        await _emulator.Fault(Rule("GET", "status", 502, times: 2));
        var found = await client.GetAuthConfigAsync(made.Id);
        Assert.Equal("get-me", found.Name);
        Assert.Equal(3, await _emulator.Count("GET", Configs + "/" + made.Id));
    }

    [Fact]
    public async Task A_get_through_dropped_connections_is_retried()
    {
        using var client = Client();
        var made = await client.CreateAuthConfigAsync(Create("get-dropped"));
        await _emulator.Fault(Rule("GET", "drop_before", times: 1), Rule("GET", "drop_after", times: 1));
        Assert.Equal("get-dropped", (await client.GetAuthConfigAsync(made.Id)).Name);
    }

    [Fact]
    public async Task A_delete_whose_answer_is_lost_counts_as_done_when_the_retry_finds_404()
    {
        using var client = Client();
        var made = await client.CreateAuthConfigAsync(Create("delete-me"));
        await _emulator.Fault(Rule("DELETE", "drop_after"));
        await client.DeleteAuthConfigAsync(made.Id);
        var statuses = (await _emulator.Requests()).Where(r => (string?)r["method"] == "DELETE").Select(r => (int?)r["status"]).ToList();
        Assert.Equal(new int?[] { null, 404 }, statuses);
        var gone = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync(made.Id));
        Assert.Equal(ComposioErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_is_still_not_found()
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.DeleteAuthConfigAsync("ac_doesnotexist1"));
        Assert.Equal("ComposioNotFound", error.ErrorId);
        Assert.Equal("ac_doesnotexist1", error.Target);
    }

    [Fact]
    public async Task Cancelling_during_a_slow_request_ends_within_300_ms()
    {
        using var client = Client(timeoutMs: 30000);
        await client.ListAuthConfigsAsync(null); // warm connection and code paths
        await _emulator.Fault(Rule("GET", "latency", delayMs: 5000));
        // Best of three tries, same bound: a shared 2-core machine can stall one try; a hang fails all three.
        var best = long.MaxValue;
        for (var attempt = 0; attempt < 3 && best > 500; attempt++)
        {
            using var cts = new CancellationTokenSource(200);
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListAuthConfigsAsync(null, cancellationToken: cts.Token));
            best = Math.Min(best, clock.ElapsedMilliseconds);
        }
        Assert.InRange(best, 150, 500);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_ends_within_300_ms()
    {
        // Best of three tries, same bound: a shared 2-core machine can stall one try; a hang fails all three.
        var best = long.MaxValue;
        for (var attempt = 0; attempt < 3 && best > 500; attempt++)
        {
            // A new client each try: the 30 s pause belongs to the connection that was told to wait.
            using var client = Client();
            await _emulator.Admin.ClearFaultsAsync();
            await client.ListAuthConfigsAsync(null); // warm connection and code paths
            await _emulator.Fault(Rule("GET", "status", 503, new Dictionary<string, string> { ["Retry-After"] = "30" }));
            await _emulator.Admin.ClearRequestsAsync();
            using var cts = new CancellationTokenSource(200);
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListAuthConfigsAsync(null, cancellationToken: cts.Token));
            best = Math.Min(best, clock.ElapsedMilliseconds);
            // One attempt, then the 30 s wait that the stop cut short: never a retry.
            Assert.Equal(1, await _emulator.Count("GET"));
        }
        Assert.InRange(best, 150, 500);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_not_echoed()
    {
        var options = TestClients.Options(_emulator.BaseUri);
        using var client = new ComposioClient(options);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.ListAuthConfigsAsync(null));
        Assert.Equal("ComposioUnauthorized", error.ErrorId);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString());
    }

    [Fact]
    public async Task Nothing_secret_in_any_log_line_or_error_across_a_faulty_session()
    {
        const string secret = "cs_emulator_SECRET_client_secret_42";
        const string clientId = "cid_emulator_client_id_43";
        using var client = Client();
        var log = new CapturingLog();
        var errors = new List<Exception>();
        await _emulator.Fault(Rule("POST", "status", 429, new Dictionary<string, string> { ["retry-after-ms"] = "10" }), Rule("GET", "status", 500));
        using (ClientLog.Use(log))
        {
            var made = await client.CreateAuthConfigAsync(new CreateAuthConfigRequest
            {
                Toolkit = "notion", Type = AuthConfigType.Custom, AuthScheme = "OAUTH2", Name = "leaky",
                Credentials = new Dictionary<string, object?> { ["client_id"] = clientId, ["client_secret"] = secret },
            });
            var got = await client.GetAuthConfigAsync(made.Id);
            Assert.DoesNotContain(secret, string.Join("|", got.Credentials.Values));
            await client.ListAuthConfigsAsync(new AuthConfigQuery { Search = "leaky" });
            await client.UpdateAuthConfigAsync(made.Id, new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, Credentials = new Dictionary<string, object?> { ["client_secret"] = secret + "_v2" } });
            errors.Add(await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(new CreateAuthConfigRequest
            {
                Toolkit = "notion", Type = AuthConfigType.Custom, AuthScheme = "NOPE", Credentials = new Dictionary<string, object?> { ["client_secret"] = secret },
            })));
            await client.DeleteAuthConfigAsync(made.Id);
        }
        Assert.Contains(log.VerboseLines, l => l.StartsWith("Retrying"));
        Assert.Contains(log.DebugLines, l => l.Contains("***"));
        // client_id is no secret: Debug shows it, so a log can tell which app a config was made with.
        Assert.Contains(log.DebugLines, l => l.Contains(clientId));
        foreach (var text in log.All.Concat(errors.Select(e => e.ToString())))
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(EmulatorFixture.Key, text);
        }
    }
}
