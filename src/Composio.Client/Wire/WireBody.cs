using System.Text.Json;
using System.Text.Json.Nodes;
using Composio.Client.Json;

namespace Composio.Client.Wire
{
    /// <summary>
    /// Serialises a typed request body with the project's one set of options (nulls omitted). The
    /// transport takes a JsonNode, which redaction also reads for the secrets of the request.
    /// </summary>
    internal static class WireBody
    {
        public static JsonNode ToNode(object body) =>
            JsonSerializer.SerializeToNode(body, body.GetType(), ComposioJson.Options) ?? new JsonObject();
    }
}
