using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composio.EmulatorControl;

/// <summary>
/// The emulator's admin API under <c>/_emulator/</c> (no key, never logged, never faulted): plain
/// HttpClient calls, sharing no code with the client under test. Every call throws
/// <see cref="HttpRequestException"/> (with the status and body) unless answered with 2xx, and
/// returns the parsed answer.
/// </summary>
public sealed class EmulatorAdmin : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorAdmin(Uri baseUri)
    {
        BaseUri = new Uri(baseUri, "/_emulator/");
        _http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/_emulator/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// One admin call. <paramref name="body"/> is sent as JSON: a string as it is (already JSON
    /// text), a <see cref="JsonNode"/> as its text, anything else serialized.
    /// </summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var text = body switch
            {
                string json => json,
                JsonNode node => node.ToJsonString(),
                _ => JsonSerializer.Serialize(body),
            };
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {BaseUri}{path} answered {(int)response.StatusCode}: {answer}", null, response.StatusCode);
        }
        return string.IsNullOrWhiteSpace(answer) ? null : JsonNode.Parse(answer);
    }

    /// <summary>Clears auth configs, the request log and fault rules.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "reset", "{}", cancellationToken);

    /// <summary>The API requests since the last reset or clear, oldest first: method, path, query, headers, body, body_text, status.</summary>
    public async Task<JsonArray> GetRequestsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Get, "requests", null, cancellationToken).ConfigureAwait(false)) as JsonArray
        ?? throw new InvalidOperationException("The emulator's request log is not a JSON array.");

    public Task ClearRequestsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "requests", null, cancellationToken);

    /// <summary>Appends fault rules (each serialized as JSON); answers the full list.</summary>
    public Task<JsonNode?> AddFaultsAsync(params object[] rules) =>
        SendAsync(HttpMethod.Post, "faults", new { rules });

    /// <summary>Appends fault rules given as the text of a JSON array; answers the full list.</summary>
    public Task<JsonNode?> AddFaultsJsonAsync(string rulesJson, CancellationToken cancellationToken = default)
    {
        var rules = JsonNode.Parse(rulesJson) as JsonArray ?? throw new ArgumentException("Fault rules must be a JSON array.", nameof(rulesJson));
        return SendAsync(HttpMethod.Post, "faults", new JsonObject { ["rules"] = rules }, cancellationToken);
    }

    /// <summary>The rules with their remaining and fired counts: <c>{"rules":[...]}</c>.</summary>
    public Task<JsonNode?> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "faults", null, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "faults", null, cancellationToken);

    /// <summary>Bulk-creates configs named <c>&lt;namePrefix&gt;1..count</c>; answers <c>{"created": n}</c>.</summary>
    public Task<JsonNode?> SeedAsync(string toolkit = "github", int count = 100, string namePrefix = "bulk-", bool managed = true, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "seed", new { toolkit, count, name_prefix = namePrefix, managed }, cancellationToken);

    public void Dispose() => _http.Dispose();
}
