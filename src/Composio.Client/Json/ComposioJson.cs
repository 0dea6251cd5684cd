using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composio.Client.Json
{
    /// <summary>The one set of serializer options for the wire: names are explicit on every wire type.</summary>
    internal static class ComposioJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // Fields left undefined are omitted, as the official SDKs do.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = false,
        };
    }
}
