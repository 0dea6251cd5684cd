using System.Net;
using Composio.Client.Errors;
using Composio.Client.Tests.Support;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>Whatever the server answers, the caller gets one clear ComposioException.</summary>
public class ErrorBodyTests
{
    private static async Task<ComposioException> Fail(HttpStatusCode status, string? body, string mediaType = "application/json")
    {
        var fake = new FakeHandler().Then(status, body, mediaType: mediaType);
        using var client = TestClients.With(fake, maxRetries: 0);
        return await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_abc"));
    }

    [Fact]
    public async Task Reads_every_documented_field()
    {
        var error = await Fail(HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"Missing required field \\\"Client id\\\"\",\"code\":612,\"slug\":\"AuthConfig_MissingField\",\"status\":400," +
            "\"request_id\":\"req_1\",\"suggested_fix\":\"Pass client_id\",\"errors\":[\"client_id is required\",{\"field\":\"x\"}]}}");
        Assert.Equal("ComposioBadRequest", error.ErrorId);
        Assert.Equal(ComposioErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("Missing required field \"Client id\"", error.Message);
        Assert.Equal("AuthConfig_MissingField", error.Slug);
        Assert.Equal("req_1", error.RequestId);
        Assert.Equal("Pass client_id", error.SuggestedFix);
        Assert.Equal(2, error.Details.Count);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("ac_abc", error.Target);
    }

    [Theory]
    [InlineData("{\"error\":{\"message\":\"m\",\"code\":\"E_STRING\"}}", "m")]
    [InlineData("{\"error\":{\"code\":12}}", null)]
    [InlineData("{\"error\":{}}", null)]
    [InlineData("{\"error\":\"plain string error\"}", "plain string error")]
    [InlineData("{\"message\":\"top-level message\"}", "top-level message")]
    [InlineData("{\"error\":{\"message\":42}}", "42")]
    [InlineData("{\"error\":{\"message\":null,\"errors\":\"not a list\"}}", null)]
    [InlineData("[1,2,3]", null)]
    [InlineData("null", null)]
    [InlineData("\"just a string\"", "just a string")]
    [InlineData("{\"error\":", null)]
    [InlineData("{not json at all", null)]
    [InlineData("", null)]
    public async Task Tolerates_odd_json(string body, string? message)
    {
        var error = await Fail(HttpStatusCode.UnprocessableEntity, body);
        Assert.Equal("ComposioBadRequest", error.ErrorId);
        if (message != null)
        {
            Assert.Equal(message, error.Message);
        }
        else
        {
            Assert.StartsWith("The Composio API answered HTTP 422", error.Message);
        }
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("upstream connect error", "text/plain")]
    [InlineData("", "text/html")]
    [InlineData("\u0000\u0001binary", "application/octet-stream")]
    public async Task A_non_json_answer_gives_a_clear_message_without_the_body(string body, string mediaType)
    {
        var error = await Fail(HttpStatusCode.Forbidden, body, mediaType);
        Assert.Equal("ComposioForbidden", error.ErrorId);
        Assert.DoesNotContain("<html", error.Message);
        Assert.DoesNotContain("upstream", error.Message);
        Assert.Contains("403", error.Message);
    }

    [Fact]
    public async Task Json_sent_as_text_is_still_read()
    {
        var error = await Fail(HttpStatusCode.Forbidden, "{\"error\":{\"message\":\"json in disguise\"}}", "text/plain");
        Assert.Equal("json in disguise", error.Message);
    }

    [Theory]
    [InlineData(401, "ComposioUnauthorized", ComposioErrorKind.Unauthorized)]
    [InlineData(403, "ComposioForbidden", ComposioErrorKind.Forbidden)]
    [InlineData(404, "ComposioNotFound", ComposioErrorKind.NotFound)]
    [InlineData(409, "ComposioConflict", ComposioErrorKind.Conflict)]
    [InlineData(429, "ComposioRateLimited", ComposioErrorKind.RateLimited)]
    [InlineData(500, "ComposioServerError", ComposioErrorKind.ServerError)]
    [InlineData(302, "ComposioInvalidResponse", ComposioErrorKind.InvalidResponse)]
    public async Task Each_status_has_its_stable_id(int status, string id, ComposioErrorKind kind)
    {
        var error = await Fail((HttpStatusCode)status, "{}");
        Assert.Equal(id, error.ErrorId);
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Found, null, r => r.Headers.Location = new Uri("http://elsewhere.example/steal"));
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_abc"));
        Assert.Equal(1, fake.Count);
        Assert.Contains("redirect", error.Message);
    }

    [Theory]
    [InlineData("<html>ok</html>", "text/html")]
    [InlineData("", "application/json")]
    [InlineData("{\"id\":", "application/json")]
    [InlineData("[]", "application/json")]
    public async Task A_success_with_an_unreadable_body_is_an_invalid_response(string body, string mediaType)
    {
        var fake = new FakeHandler().Then(HttpStatusCode.OK, body, mediaType: mediaType);
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_abc"));
        Assert.Equal("ComposioInvalidResponse", error.ErrorId);
        Assert.Equal(ComposioErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task A_success_without_a_content_type_is_an_invalid_response()
    {
        var fake = new FakeHandler().Then((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("{\"id\":\"ac_1\"}"u8.ToArray()) };
            return Task.FromResult(response);
        });
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_abc"));
        Assert.Equal("ComposioInvalidResponse", error.ErrorId);
    }

    [Fact]
    public async Task A_create_answered_without_an_id_says_it_may_exist()
    {
        var fake = new FakeHandler().Then(HttpStatusCode.Created, "{\"auth_config\":{}}");
        using var client = TestClients.With(fake);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.CreateAuthConfigAsync(new Requests.CreateAuthConfigRequest { Toolkit = "github" }));
        Assert.Equal("ComposioInvalidResponse", error.ErrorId);
        Assert.Contains("may have been created", error.Message);
    }

    [Fact]
    public async Task An_unexpected_handler_exception_still_arrives_as_a_ComposioException()
    {
        var fake = new FakeHandler().ThenThrow(() => new ObjectDisposedException("handler"));
        using var client = TestClients.With(fake, maxRetries: 0);
        var error = await Assert.ThrowsAsync<ComposioException>(() => client.GetAuthConfigAsync("ac_abc"));
        Assert.Equal("ComposioConnectionFailed", error.ErrorId);
    }
}
