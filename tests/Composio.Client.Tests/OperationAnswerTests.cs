using System.Net;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>Update, enable/disable and delete accept the old `{}` and the 2026 `{"success", "message"}` answers alike.</summary>
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

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_old_empty_answer_and_the_new_success_answer_both_do(string what, Func<ComposioClient, Task> call)
    {
        foreach (var answer in new[] { "{}", "{\"success\":true,\"message\":\"Auth config updated\"}", "{\"success\":true}" })
        {
            var fake = new FakeHandler().Then(HttpStatusCode.OK, answer);
            using var client = TestClients.With(fake);
            await call(client);
            Assert.True(fake.Count == 1, $"{what} with {answer}");
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Success_false_is_a_failure_with_the_servers_reason(string what, Func<ComposioClient, Task> call)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, "{\"success\":false,\"message\":\"Auth config is locked\"}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => call(client));
        Assert.Equal("ComposioOperationFailed", error.ErrorId);
        Assert.Equal("Auth config is locked", error.ServerMessage);
        Assert.Contains("Auth config is locked", error.Message);
        Assert.Equal(Id, error.Target);
        Assert.Equal(1, fake.Count); // Not retried: the server answered.
        _ = what;
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
    public async Task The_servers_message_never_echoes_a_secret_that_was_sent()
    {
        const string secret = "rotated-secret-value-42";
        var fake = new FakeHandler().Then(HttpStatusCode.OK, $"{{\"success\":false,\"message\":\"bad client_secret {secret}\"}}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.UpdateAuthConfigAsync(Id,
            new UpdateAuthConfigRequest { Type = AuthConfigType.Custom, Credentials = new Dictionary<string, object?> { ["client_secret"] = secret } }));
        Assert.DoesNotContain(secret, error.Message);
        Assert.DoesNotContain(secret, error.ServerMessage);
    }
}
