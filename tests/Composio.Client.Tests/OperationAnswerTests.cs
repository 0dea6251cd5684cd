using System.Net;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>Update, enable/disable and delete: any 2xx answer is done, whatever its body (the spec types them `unknown`).</summary>
public class OperationAnswerTests
{
    private const string Id = "ac_answer01";

    public static IEnumerable<object[]> Calls() => new[]
    {
        new object[] { "update", (Func<ComposioClient, Task>)(c => c.UpdateAuthConfigAsync(Id, new UpdateAuthConfigRequest { Name = "n" })) },
        new object[] { "enable", (Func<ComposioClient, Task>)(c => c.SetAuthConfigEnabledAsync(Id, true)) },
        new object[] { "disable", (Func<ComposioClient, Task>)(c => c.SetAuthConfigEnabledAsync(Id, false)) },
        new object[] { "delete", (Func<ComposioClient, Task>)(c => c.DeleteAuthConfigAsync(Id)) },
    };

    /// <summary>The spec types these answers `unknown`: whatever a 2xx carries, the call is done.</summary>
    public static IEnumerable<object?[]> Answers() => new[]
    {
        new object?[] { HttpStatusCode.NoContent, null, "application/json" },
        new object?[] { HttpStatusCode.OK, null, "application/json" },
        new object?[] { HttpStatusCode.OK, "", "application/json" },
        new object?[] { HttpStatusCode.OK, "", "text/plain" },
        new object?[] { HttpStatusCode.OK, "OK", "text/plain" },
        new object?[] { HttpStatusCode.OK, "<html>done</html>", "text/html" },
        new object?[] { HttpStatusCode.OK, "{}", "application/json" },
        new object?[] { HttpStatusCode.OK, "{\"success\":true,\"message\":\"Auth config updated\"}", "application/json" },
        new object?[] { HttpStatusCode.OK, "{\"success\":\"true\"}", "application/json" },
        new object?[] { HttpStatusCode.OK, "{\"success\":false,\"message\":\"odd\"}", "application/json" },
        new object?[] { HttpStatusCode.OK, "{\"success\":1,\"message\":{\"text\":\"nested\"},\"revoke_job_id\":42}", "application/json" },
        new object?[] { HttpStatusCode.OK, "[1,2,3]", "application/json" },
        new object?[] { HttpStatusCode.OK, "true", "application/json" },
        new object?[] { HttpStatusCode.OK, "\"done\"", "application/json" },
        new object?[] { HttpStatusCode.OK, "{not json", "application/json" },
        new object?[] { HttpStatusCode.Accepted, "{\"queued\":true}", "application/json" },
    };

    public static IEnumerable<object?[]> CallsAndAnswers() =>
        from call in Calls() from answer in Answers() select new[] { call[0], call[1] }.Concat(answer).ToArray();

    [Theory]
    [MemberData(nameof(CallsAndAnswers))]
    public async Task Any_2xx_answer_is_done_whatever_its_body(string what, Func<ComposioClient, Task> call, HttpStatusCode status, string? body, string mediaType)
    {
        var fake = new FakeHandler().Then(status, body, mediaType: mediaType);
        using var client = TestClients.With(fake);
        await call(client); // Throws (the test fails) if any answer is taken as a failure.
        Assert.True(fake.Count == 1, $"{what} with {status} {body}: sent once, not retried");
    }

    [Fact]
    public async Task A_revoke_job_id_that_is_not_text_is_ignored_not_a_failure()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{\"revoke_job_id\":{\"id\":1}}");
        using var client = TestClients.With(fake);
        Assert.Null(await client.DeleteAuthConfigAsync(Id, revokeOnDelete: true));
    }

    [Fact]
    public async Task A_delete_returns_the_revoke_job_of_either_answer_shape()
    {
        foreach (var answer in new[] { "{\"revoke_job_id\":\"job_old1\"}", "{\"success\":true,\"message\":\"deleted\",\"revoke_job_id\":\"pj_new1\"}" })
        {
            var fake = new FakeHandler().Then(HttpStatusCode.OK, answer);
            using var client = TestClients.With(fake);
            var job = await client.DeleteAuthConfigAsync(Id, revokeOnDelete: true);
            Assert.Equal(answer.Contains("pj_new1") ? "pj_new1" : "job_old1", job);
            Assert.Equal("revoke_on_delete=true", fake.Attempts[0].Uri.Query.TrimStart('?'));
        }
    }

    [Fact]
    public async Task The_servers_message_is_logged_without_a_secret_that_was_sent()
    {
        const string secret = "rotated-secret-value-42";
        var fake = new FakeHandler().Then(HttpStatusCode.OK, $"{{\"success\":true,\"message\":\"stored client_secret {secret}\"}}");
        using var client = TestClients.With(fake);
        var log = new CapturingLog();
        using (Composio.Client.Logging.ClientLog.Use(log))
        {
            await client.UpdateAuthConfigAsync(Id,
                new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, Credentials = new Dictionary<string, object?> { ["client_secret"] = secret } });
        }
        Assert.Contains(log.VerboseLines, l => l.Contains("stored client_secret"));
        Assert.DoesNotContain(log.All, l => l.Contains(secret));
    }
}
