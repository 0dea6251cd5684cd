using System.Text.Json.Nodes;

namespace Composio.Emulator.State;

/// <summary>
/// One stored auth config. Mutable, and only touched while holding the store's lock.
/// </summary>
public sealed class AuthConfig
{
    public const string TypeDefault = "default";
    public const string TypeCustom = "custom";

    /// <summary>Creation sequence number: the list order and what cursors point at.</summary>
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public Guid Uuid { get; set; }
    public required string Type { get; set; }
    public required string ToolkitSlug { get; set; }
    public required string Name { get; set; }
    public required string AuthScheme { get; set; }
    public bool IsComposioManaged => Type == TypeDefault;
    /// <summary>Null means {} (see ToolAccessConfig).</summary>
    public JsonObject? Credentials { get; set; }
    public JsonObject? ProxyConfig { get; set; }
    public bool Enabled { get; set; } = true;
    public string CreatedBy { get; set; } = "emulator";
    public DateTime CreatedAt { get; set; }
    public DateTime LastUpdatedAt { get; set; }
    /// <summary>Null means {}: bulk-seeded configs should not each carry an empty object.</summary>
    public JsonObject? ToolAccessConfig { get; set; }
    public IReadOnlyList<string> RestrictToFollowingTools { get; set; } = Array.Empty<string>();
    public JsonObject? SharedCredentials { get; set; }
    public bool IsEnabledForToolRouter { get; set; }
}
