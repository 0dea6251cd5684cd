using System.Text.Json.Serialization;
using Composio.Client.Toolkits;
using Composio.Client.Wire;

namespace Composio.Client.Json
{
    /// <summary>
    /// Serializer metadata for every type that crosses the wire or the toolkit cache, generated at
    /// build time instead of by reflection at first use, so it is compiled (and precompiled in the
    /// shipped images) rather than built and JIT-compiled in each new process. The settings here are
    /// those of <see cref="ComposioJson.Options"/>; each set of options applies its own at run time.
    /// </summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    // Answers (ApiTransport.SendAsync)
    [JsonSerializable(typeof(CreateAuthConfigResponseWire))]
    [JsonSerializable(typeof(AuthConfigWire))]
    [JsonSerializable(typeof(PageWire<AuthConfigWire>))]
    [JsonSerializable(typeof(ToolkitWire))]
    [JsonSerializable(typeof(PageWire<ToolkitWire>))]
    [JsonSerializable(typeof(PageWire<CategoryWire>))]
    [JsonSerializable(typeof(PageWire<ToolWire>))]
    [JsonSerializable(typeof(ScopeRecommendationWire))]
    [JsonSerializable(typeof(RequiredScopesWire))]
    [JsonSerializable(typeof(GrantContextWire))]
    // Request bodies (WireBody), written by their runtime type
    [JsonSerializable(typeof(CreateAuthConfigBody))]
    [JsonSerializable(typeof(ManagedAuthConfigOptions))]
    [JsonSerializable(typeof(CustomAuthConfigOptions))]
    [JsonSerializable(typeof(UpdateCustomAuthConfigBody))]
    [JsonSerializable(typeof(UpdateDefaultAuthConfigBody))]
    [JsonSerializable(typeof(ProxyConfigWire))]
    [JsonSerializable(typeof(RecommendScopesBody))]
    [JsonSerializable(typeof(RequiredScopesBody))]
    // Credential values as CredentialValues leaves them (held as object)
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(bool))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(long))]
    [JsonSerializable(typeof(double))]
    [JsonSerializable(typeof(decimal))]
    [JsonSerializable(typeof(string[]))]
    // The toolkit cache's files
    [JsonSerializable(typeof(ToolkitCache.Entry<Toolkit>))]
    [JsonSerializable(typeof(ToolkitCache.Entry<string[]>))]
    internal sealed partial class WireContext : JsonSerializerContext
    {
    }
}
