using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Composio.Emulator.Tests;

/// <summary>A response read fully: status, headers and the body as JSON (null when not JSON).</summary>
public sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Text, JsonNode? Json)
{
    public int Code => (int)Status;

    public JsonObject Obj => Json as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {Text}");

    public JsonObject Error => Obj["error"] as JsonObject ?? throw new InvalidOperationException($"No error body: {Text}");

    public string? ErrorSlug => Error["slug"]?.GetValue<string>();

    public string? ErrorMessage => Error["message"]?.GetValue<string>();

    /// <summary>The answer is this error status with this slug in the Composio error body.</summary>
    public void AssertError(int code, string slug)
    {
        Xunit.Assert.Equal(code, Code);
        Xunit.Assert.Equal(slug, ErrorSlug);
    }
}

/// <summary>
/// Thin HTTP helper over the emulator. `pooled: false` uses a fresh connection per request: a
/// pooled .NET connection that the server drops may be retried transparently by the handler,
/// which fault tests must not allow.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseUri, string? apiKey, string version, bool pooled)
    {
        var handler = new SocketsHttpHandler();
        if (!pooled)
        {
            handler.PooledConnectionLifetime = TimeSpan.Zero;
        }
        _http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        Api = $"/api/{version}";
        ApiKey = apiKey;
    }

    public string Api { get; }
    public string? ApiKey { get; }
    public HttpClient Http => _http;

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null, bool admin = false)
    {
        var url = admin || path.StartsWith('/') ? path : $"{Api}/{path}";
        var request = new HttpRequestMessage(method, url);
        if (!admin && ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
        }
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            var text = body switch
            {
                string s => s,
                JsonNode n => n.ToJsonString(),
                _ => System.Text.Json.JsonSerializer.Serialize(body),
            };
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        return request;
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new ApiResponse(response.StatusCode, response.Headers, text, json);
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(Request(method, path, body));

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
    public Task<ApiResponse> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);
    public Task<ApiResponse> PatchAsync(string path, object? body = null) => SendAsync(HttpMethod.Patch, path, body);
    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<ApiResponse> AdminAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(Request(method, "/_emulator/" + path, body, admin: true));

    /// <summary>Creates an auth config and returns its id, asserting 201.</summary>
    public async Task<string> CreateAsync(string toolkit, object? authConfig = null)
    {
        object body = authConfig is null ? new { toolkit = new { slug = toolkit } } : new { toolkit = new { slug = toolkit }, auth_config = authConfig };
        var response = await PostAsync("auth_configs", body);
        Assert.True(response.Code == 201, $"create {toolkit}: {response.Code} {response.Text}");
        return response.Obj["auth_config"]!["id"]!.GetValue<string>();
    }

    public Task<string> CreateCustomNotionAsync(string name, string secret = "notion-client-secret-0001") =>
        CreateAsync("notion", new
        {
            type = "use_custom_auth",
            name,
            authScheme = "OAUTH2",
            credentials = new { client_id = "1234567890", client_secret = secret, oauth_redirect_uri = "https://backend.composio.dev/api/v3/toolkits/auth/callback" },
        });

    public void Dispose() => _http.Dispose();
}
