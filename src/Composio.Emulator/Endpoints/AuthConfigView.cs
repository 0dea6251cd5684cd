using System.Globalization;
using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// Renders a stored auth config as the AuthConfig object of the contract, with secrets masked:
/// reads never return a full secret, as on the real service.
/// </summary>
public sealed class AuthConfigView(ToolkitCatalog catalog)
{
    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public JsonObject Render(AuthConfig c)
    {
        var toolkit = catalog.Find(c.ToolkitSlug);
        var detail = toolkit?.FindDetail(c.AuthScheme);
        return new JsonObject
        {
            ["id"] = c.Id,
            ["uuid"] = c.Uuid.ToString(),
            ["type"] = c.Type,
            ["toolkit"] = new JsonObject { ["slug"] = c.ToolkitSlug, ["logo"] = toolkit?.Logo ?? "" },
            ["name"] = c.Name,
            ["auth_scheme"] = c.AuthScheme,
            ["is_composio_managed"] = c.IsComposioManaged,
            ["credentials"] = MaskCredentials(c.Credentials, toolkit),
            ["proxy_config"] = MaskProxy(c.ProxyConfig),
            ["status"] = c.Enabled ? "ENABLED" : "DISABLED",
            ["created_by"] = c.CreatedBy,
            ["created_at"] = Timestamp(c.CreatedAt),
            ["last_updated_at"] = Timestamp(c.LastUpdatedAt),
            ["no_of_connections"] = 0,
            ["expected_input_fields"] = detail?.InitiationFields.DeepClone() ?? new JsonArray(),
            ["tool_access_config"] = c.ToolAccessConfig?.DeepClone() ?? new JsonObject(),
            ["restrict_to_following_tools"] = ToolkitCatalog.StringArray(c.RestrictToFollowingTools),
            ["shared_credentials"] = MaskAll(c.SharedCredentials),
            ["is_enabled_for_tool_router"] = c.IsEnabledForToolRouter,
        };
    }

    public static JsonObject MaskCredentials(JsonObject? credentials, ToolkitRecord? toolkit)
    {
        var result = new JsonObject();
        if (credentials is null)
        {
            return result;
        }
        foreach (var (key, value) in credentials)
        {
            var secret = (toolkit?.SecretFieldNames.Contains(key) ?? false) || LooksSecret(key);
            result[key] = secret && value is not null ? Mask(value) : value?.DeepClone();
        }
        return result;
    }

    /// <summary>The proxy's URL as stored; its auth key is a secret, masked like one.</summary>
    public static JsonObject? MaskProxy(JsonObject? proxy)
    {
        if (proxy is null)
        {
            return null;
        }
        var result = (JsonObject)proxy.DeepClone();
        if (result["proxy_auth_key"] is JsonNode key)
        {
            result["proxy_auth_key"] = Mask(key);
        }
        return result;
    }

    /// <summary>Shared credentials are secrets every connection uses: every value is masked, whatever its key.</summary>
    public static JsonObject MaskAll(JsonObject? values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values ?? new JsonObject())
        {
            result[key] = value is null ? null : Mask(value);
        }
        return result;
    }

    /// <summary>Key names that hold secrets whatever the toolkit says (client_id is an identifier, not a secret).</summary>
    public static bool LooksSecret(string key)
    {
        if (key.Equals("client_id", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return key.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || key.Contains("password", StringComparison.OrdinalIgnoreCase)
            || key.Contains("token", StringComparison.OrdinalIgnoreCase)
            || key.Contains("key", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>First 4 characters then "..." for long values; short ones would leak too much, so all stars.</summary>
    public static string Mask(JsonNode value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return text.Length >= 12 ? text[..4] + "..." : new string('*', Math.Max(text.Length, 4));
    }
}
