using System.Text.RegularExpressions;

namespace Composio.Emulator.Tests;

public sealed class AuthTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private void AssertUnauthorized(ApiResponse response)
    {
        Assert.Equal(401, response.Code);
        var error = response.Error;
        Assert.Equal("HTTP_Unauthorized", error["slug"]!.GetValue<string>());
        Assert.Equal(401, error["status"]!.GetValue<int>());
        Assert.IsType<int>(error["code"]!.GetValue<int>());
        Assert.Matches(new Regex("^req_[A-Za-z0-9]+$"), error["request_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MissingKey_Is401()
    {
        using var anonymous = Fixture.Emulator.Client(apiKey: null);
        AssertUnauthorized(await anonymous.GetAsync("auth_configs"));
    }

    [Fact]
    public async Task WrongKey_Is401()
    {
        using var wrong = Fixture.Emulator.Client(apiKey: "ak_wrong");
        AssertUnauthorized(await wrong.GetAsync("toolkits"));
        AssertUnauthorized(await wrong.PostAsync("auth_configs", new { toolkit = new { slug = "github" } }));
    }

    [Fact]
    public async Task KeyAndBearerTogether_Is401()
    {
        var request = Api.Request(HttpMethod.Get, "auth_configs");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer some-token");
        var response = await Api.SendAsync(request);
        AssertUnauthorized(response);
        Assert.Contains("one", response.ErrorMessage);
    }

    [Fact]
    public async Task BearerAlone_Is401()
    {
        using var anonymous = Fixture.Emulator.Client(apiKey: null);
        var request = anonymous.Request(HttpMethod.Get, "auth_configs");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + TestEmulator.DefaultKey);
        AssertUnauthorized(await anonymous.SendAsync(request));
    }

    [Fact]
    public async Task UnauthorizedCreate_DoesNotCreate()
    {
        using var wrong = Fixture.Emulator.Client(apiKey: "ak_wrong");
        await wrong.PostAsync("auth_configs", new { toolkit = new { slug = "github" } });
        var list = await Api.GetAsync("auth_configs");
        Assert.Equal(0, list.Obj["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task AdminRoutes_NeedNoKey()
    {
        using var anonymous = Fixture.Emulator.Client(apiKey: null);
        Assert.Equal(200, (await anonymous.AdminAsync(HttpMethod.Get, "requests")).Code);
        Assert.Equal(200, (await anonymous.AdminAsync(HttpMethod.Get, "faults")).Code);
        Assert.Equal(200, (await anonymous.AdminAsync(HttpMethod.Post, "reset", "{}")).Code);
    }

    [Fact]
    public async Task UnknownRoute_Is404WithErrorBody()
    {
        var response = await Api.GetAsync("no_such_thing");
        response.AssertError(404, "HTTP_NotFound");
    }

    [Fact]
    public async Task EveryResponse_CarriesRequestIdHeader()
    {
        var response = await Api.GetAsync("toolkits");
        Assert.StartsWith("req_", response.Headers.GetValues("x-request-id").Single());
    }
}
