using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Composio.Client.Json
{
    /// <summary>The serializer options for the wire: names are explicit on every wire type.</summary>
    internal static class ComposioJson
    {
        /// <summary>For request bodies.</summary>
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // Fields left undefined are omitted, as the official SDKs do.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = false,
        };

        /// <summary>For answers: every member read tolerantly (<see cref="TolerantRead"/>).</summary>
        public static readonly JsonSerializerOptions ReadOptions = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TolerantRead.Modify } },
        };
    }
}
