using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Composio.Client.Json;
using Composio.Client.Toolkits;
using Composio.Client.Wire;
using Xunit;

namespace Composio.Client.Tests;

/// <summary>
/// Every type that crosses the wire or the toolkit cache takes its serializer metadata from the
/// generated <see cref="WireContext"/>, not from reflection, under each set of options the client
/// uses; and the generated metadata reads and writes exactly what reflection did.
/// </summary>
public class WireContextTests
{
    /// <summary>Every concrete wire type: a class in Composio.Client.Wire with a named JSON member.</summary>
    public static TheoryData<string> WireTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(WireContext).Assembly.GetTypes())
        {
            if (type.Namespace == "Composio.Client.Wire" && type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters
                && type.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() != null))
            {
                data.Add(type.FullName!);
            }
        }
        return data;
    }

    private static IEnumerable<(string Name, JsonSerializerOptions Options)> AllOptions() => new[]
    {
        ("Options", ComposioJson.Options), ("ReadOptions", ComposioJson.ReadOptions), ("CacheOptions", ComposioJson.CacheOptions),
    };

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Each_wire_type_is_described_by_the_generated_context(string typeName)
    {
        var type = typeof(WireContext).Assembly.GetType(typeName, throwOnError: true)!;
        foreach (var (name, options) in AllOptions())
        {
            Assert.True(ReferenceEquals(WireContext.Default, options.GetTypeInfo(type).OriginatingResolver),
                $"{type.Name} under {name} was described by reflection; add it to WireContext");
        }
    }

    [Fact]
    public void The_listings_and_the_toolkit_cache_files_are_described_by_the_generated_context()
    {
        var types = new[]
        {
            typeof(PageWire<AuthConfigWire>), typeof(PageWire<ToolkitWire>), typeof(PageWire<CategoryWire>), typeof(PageWire<ToolWire>),
            typeof(ToolkitCache.Entry<Toolkit>), typeof(ToolkitCache.Entry<string[]>), typeof(Toolkit), typeof(AuthSchemeDetail), typeof(AuthConfigField),
        };
        foreach (var type in types)
        {
            foreach (var (name, options) in AllOptions())
            {
                Assert.True(ReferenceEquals(WireContext.Default, options.GetTypeInfo(type).OriginatingResolver),
                    $"{type.Name} under {name} was described by reflection; add it to WireContext");
            }
        }
    }

    [Fact]
    public void A_type_the_context_does_not_list_is_still_served_by_reflection()
    {
        var info = ComposioJson.Options.GetTypeInfo(typeof(Uri));
        Assert.False(ReferenceEquals(WireContext.Default, info.OriginatingResolver));
        Assert.Equal("\"https://example.com/\"", JsonSerializer.Serialize(new Uri("https://example.com/"), ComposioJson.Options));
    }

    /// <summary>Reflection-made options with the same settings: what the client used before the context.</summary>
    private static JsonSerializerOptions Reflection(JsonSerializerOptions like, bool tolerant = false)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (tolerant)
        {
            resolver.Modifiers.Add(TolerantRead.Modify);
        }
        return new JsonSerializerOptions(like) { TypeInfoResolver = resolver };
    }

    [Fact]
    public void Request_bodies_are_written_as_reflection_wrote_them()
    {
        var bodies = new object[]
        {
            new CreateAuthConfigBody
            {
                Toolkit = new ToolkitRefWire { Slug = "github" },
                AuthConfig = new CustomAuthConfigOptions
                {
                    Name = "x", AuthScheme = "OAUTH2",
                    Credentials = new Dictionary<string, object?> { ["client_id"] = "id", ["port"] = 8080, ["big"] = 5_000_000_000L, ["ratio"] = 0.5, ["price"] = 1.25m, ["on"] = true, ["scopes"] = new[] { "a", "b" }, ["gone"] = null },
                },
            },
            new CreateAuthConfigBody { Toolkit = new ToolkitRefWire { Slug = "gmail" }, AuthConfig = new ManagedAuthConfigOptions { Name = "m" } },
            new UpdateCustomAuthConfigBody { Name = "n", ProxyConfig = JsonDocument.Parse("null").RootElement, Credentials = new Dictionary<string, object?> { ["k"] = null } },
            new UpdateDefaultAuthConfigBody { Scopes = "repo", RestrictToFollowingTools = new List<string> { "GITHUB_STAR" } },
        };
        foreach (var body in bodies)
        {
            Assert.Equal(
                JsonSerializer.Serialize(body, body.GetType(), Reflection(ComposioJson.Options)),
                JsonSerializer.Serialize(body, body.GetType(), ComposioJson.Options));
        }
    }

    [Fact]
    public void A_config_with_members_of_the_wrong_kind_is_read_as_reflection_read_it()
    {
        const string config = """
            {"id":"ac_1","uuid":7,"type":"custom","toolkit":{"slug":"github"},"name":["x"],"auth_scheme":"OAUTH2",
             "is_composio_managed":"false","credentials":{"client_id":"abc"},"status":"ENABLED","no_of_connections":"3",
             "expected_input_fields":[{"name":"token","required":"yes"},7,{"name":"ok","required":true}],
             "tool_access_config":{"tools_available_for_execution":["A",1]},"is_enabled_for_tool_router":1}
            """;
        var before = JsonSerializer.Serialize(Read(config, Reflection(ComposioJson.ReadOptions, tolerant: true)), ComposioJson.Options);
        var after = JsonSerializer.Serialize(Read(config, ComposioJson.ReadOptions), ComposioJson.Options);
        Assert.Equal(before, after);
        Assert.Contains("\"no_of_connections\":3", after);

        static AuthConfigWire Read(string json, JsonSerializerOptions options)
        {
            using var problems = ReadProblems.Begin();
            return JsonSerializer.Deserialize<AuthConfigWire>(json, options)!;
        }
    }

    [Fact]
    public void A_toolkit_cache_file_is_written_and_read_as_reflection_did()
    {
        var entry = new ToolkitCache.Entry<Toolkit>(new Toolkit
        {
            Slug = "github", AuthSchemes = new[] { "OAUTH2" },
            AuthConfigDetails = new[] { new AuthSchemeDetail { AuthScheme = "OAUTH2", AuthConfigCreationFields = new[] { new AuthConfigField { Name = "client_id", Required = true } } } },
        }, new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc));
        var reflection = JsonSerializer.Serialize(entry, new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });
        var generated = JsonSerializer.Serialize(entry, ComposioJson.CacheOptions);
        Assert.Equal(reflection, generated);
        var back = JsonSerializer.Deserialize<ToolkitCache.Entry<Toolkit>>(reflection, ComposioJson.CacheOptions)!;
        Assert.Equal("client_id", back.Value.AuthConfigDetails![0].AuthConfigCreationFields[0].Name);
        Assert.Equal(entry.StoredAt, back.StoredAt);
    }
}
