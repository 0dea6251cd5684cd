using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Composio.Client.Json
{
    /// <summary>The serializer options for the wire: names are explicit on every wire type.</summary>
    internal static class ComposioJson
    {
        /// <summary>For request bodies.</summary>
        public static readonly JsonSerializerOptions Options = Frozen(new JsonSerializerOptions
        {
            // Fields left undefined are omitted, as the official SDKs do.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = false,
        });

        /// <summary>For answers: every member read tolerantly (<see cref="TolerantRead"/>).</summary>
        public static readonly JsonSerializerOptions ReadOptions = Frozen(new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TolerantRead.Modify } },
        });

        /// <summary>
        /// Frozen as the serializer would freeze them at their first use, but now: metadata is
        /// cached only on frozen options, and <see cref="SerializerWarmup"/> builds it ahead of that use.
        /// </summary>
        private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
        {
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
