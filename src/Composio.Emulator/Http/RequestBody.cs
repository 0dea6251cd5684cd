using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Composio.Emulator.Errors;

namespace Composio.Emulator.Http;

/// <summary>
/// Reads the request body as text once (the request log needs it too) and parses JSON with
/// Composio-style 400s instead of the framework's model binding errors.
/// </summary>
public static class RequestBody
{
    private const string ItemKey = "composio.body_text";

    public static async Task<string?> ReadTextAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as string;
        }
        string? text = null;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }
        if (text.Length == 0)
        {
            text = null;
        }
        context.Items[ItemKey] = text;
        return text;
    }

    public static JsonNode? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as a JSON object; 400 when absent, malformed or not an object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, string slug = ApiError.Slugs.BadRequest)
    {
        var text = await ReadTextAsync(context);
        if (text is null)
        {
            throw ApiException.BadRequest("Request body is required and must be a JSON object.",
                "Send a JSON object with content-type: application/json.", slug);
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"Request body is not valid JSON: {ex.Message}",
                "Send a JSON object with content-type: application/json.", slug);
        }
        return node as JsonObject ?? throw ApiException.BadRequest("Request body must be a JSON object.", null, slug);
    }
}
