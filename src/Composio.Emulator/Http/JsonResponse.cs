using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composio.Emulator.Http;

/// <summary>
/// Writes JsonNode trees directly; the emulator builds responses as nodes so shapes stay exactly
/// what the contract says, with no serializer naming policy in between.
/// </summary>
public static class JsonResponse
{
    /// <summary>Quotes stay as \" rather than \u0022, so raw bodies read like the service's messages.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode node) => new NodeResult(node, StatusCodes.Status200OK);

    public static IResult Created(JsonNode node) => new NodeResult(node, StatusCodes.Status201Created);

    public static IResult Empty() => new NodeResult(new JsonObject(), StatusCodes.Status200OK);

    public static Task WriteAsync(HttpContext context, JsonNode node, int status) =>
        WriteAsync(context, node.ToJsonString(Options), status);

    /// <summary>Writes already-serialised JSON.</summary>
    public static async Task WriteAsync(HttpContext context, string json, int status)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private sealed class NodeResult(JsonNode node, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, node, status);
    }
}
