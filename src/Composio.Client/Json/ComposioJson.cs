using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Composio.Client.Json
{
    /// <summary>
    /// The serializer options for the wire (names are explicit on every wire type) and the toolkit
    /// cache. All take their metadata from <see cref="WireContext"/>, and from reflection only for a
    /// type it does not list.
    /// </summary>
    internal static class ComposioJson
    {
        /// <summary>For request bodies.</summary>
        public static readonly JsonSerializerOptions Options = Frozen(new JsonSerializerOptions
        {
            // Fields left undefined are omitted, as the official SDKs do.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = Resolver(),
        });

        /// <summary>For answers: every member read tolerantly (<see cref="TolerantRead"/>).</summary>
        public static readonly JsonSerializerOptions ReadOptions = Frozen(new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = false,
            TypeInfoResolver = Resolver().WithAddedModifier(TolerantRead.Modify),
        });

        /// <summary>For the toolkit cache's files: the serializer's defaults, as those files have always been written.</summary>
        public static readonly JsonSerializerOptions CacheOptions = Frozen(new JsonSerializerOptions
        {
            TypeInfoResolver = Resolver(),
        });

        private static IJsonTypeInfoResolver Resolver() =>
            JsonTypeInfoResolver.Combine(WireContext.Default, new DefaultJsonTypeInfoResolver());

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
