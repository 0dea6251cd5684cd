using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.State;
using static Composio.Emulator.Endpoints.AuthConfigRules;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// PATCH /auth_configs/{id}: the body's shape (one member of the update union) and its application.
/// True PATCH: omitted fields stay, credentials merge key by key (null removes a key), an empty
/// tool_access_config changes nothing, null or [] clears. Everything is validated before anything changes.
/// </summary>
public sealed class AuthConfigPatch(ToolkitCatalog catalog)
{
    // The two members of the update union (the published spec; §9 item 1: the deprecated
    // restrict_to_following_tools on both).
    private static readonly string[] CustomPatchKeys =
        { "type", "name", "credentials", "proxy_config", "tool_access_config", "is_enabled_for_tool_router", "shared_credentials", "restrict_to_following_tools" };
    private static readonly string[] DefaultPatchKeys =
        { "type", "name", "scopes", "user_scopes", "tool_access_config", "is_enabled_for_tool_router", "shared_credentials", "restrict_to_following_tools" };

    /// <summary>The body's union member (its "type"), after checking it sends only that member's fields.</summary>
    public static string ReadType(JsonObject body)
    {
        var type = JsonRead.OptionalString(body, "type", "type", Validation);
        if (type is not (AuthConfig.TypeCustom or AuthConfig.TypeDefault))
        {
            throw ApiException.BadRequest(
                type is null ? "'type' is required." : $"Unknown type \"{type}\".",
                "Send \"type\": \"custom\" for custom auth configs or \"default\" for Composio managed ones.", Validation);
        }
        var allowed = type == AuthConfig.TypeCustom ? CustomPatchKeys : DefaultPatchKeys;
        var unexpected = body.Select(kv => kv.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unexpected.Count > 0)
        {
            throw ApiException.BadRequest(
                $"Unexpected field(s) for a \"{type}\" update: {string.Join(", ", unexpected)}",
                $"Allowed fields: {string.Join(", ", allowed)}.", Validation);
        }
        return type;
    }

    /// <summary>Applies a body <see cref="ReadType"/> accepted; a 400 leaves the config as it was.</summary>
    public void Apply(AuthConfig config, string type, JsonObject body)
    {
        if (type != config.Type)
        {
            throw ApiException.BadRequest(
                $"Auth config {config.Id} is of type \"{config.Type}\"; a \"{type}\" update cannot be applied to it.",
                $"Send \"type\": \"{config.Type}\".", Validation);
        }
        var name = JsonRead.OptionalString(body, "name", "name", Validation);
        if (name is { Length: 0 })
        {
            throw ApiException.BadRequest("'name' must be at least 1 character long.", "Omit name to keep the current one.", Validation);
        }
        var toolRouter = body.ContainsKey("is_enabled_for_tool_router") ? JsonRead.OptionalBool(body, "is_enabled_for_tool_router", "is_enabled_for_tool_router", Validation) : null;
        var toolAccess = body.ContainsKey("tool_access_config") && body["tool_access_config"] is not null
            ? JsonRead.OptionalObject(body, "tool_access_config", "tool_access_config", Validation) : null;
        var restrict = JsonRead.OptionalStringList(body, "restrict_to_following_tools", "restrict_to_following_tools", Validation);

        var credentials = (JsonObject?)config.Credentials?.DeepClone() ?? new JsonObject();
        JsonObject? proxy = config.ProxyConfig;
        JsonObject? shared = config.SharedCredentials;
        if (type == AuthConfig.TypeCustom)
        {
            if (body.TryGetPropertyValue("credentials", out var credNode))
            {
                credentials = JsonMerge.Patch(credentials, credNode, "credentials", Validation);
                var toolkit = catalog.Find(config.ToolkitSlug);
                var detail = toolkit?.FindDetail(config.AuthScheme);
                if (toolkit is not null && detail is not null)
                {
                    ApplyHiddenDefaults(credentials, detail);
                    RequireFields(credentials, detail, toolkit);
                }
            }
            if (body.ContainsKey("proxy_config"))
            {
                proxy = ReadProxy(body, "proxy_config");
            }
        }
        else
        {
            foreach (var key in new[] { "scopes", "user_scopes" })
            {
                if (!body.TryGetPropertyValue(key, out var scopes))
                {
                    continue;
                }
                JsonRead.RequireScopes(scopes, key, Validation);
                if (JsonRead.HasValue(scopes))
                {
                    credentials[key] = scopes!.DeepClone();
                }
                else
                {
                    credentials.Remove(key);
                }
            }
        }

        var scopesGiven = type == AuthConfig.TypeCustom
            ? (body["credentials"] as JsonObject)?.ContainsKey("scopes") == true
            : body.ContainsKey("scopes");
        var toolkitRecord = catalog.Find(config.ToolkitSlug);
        if (toolkitRecord is not null)
        {
            DeriveScopes(toolkitRecord, config.AuthScheme, toolAccess, credentials, scopesGiven);
        }

        // Both variants take shared_credentials (§8 item 3), merged key by key like credentials.
        if (body.TryGetPropertyValue("shared_credentials", out var sharedNode))
        {
            shared = JsonMerge.Patch(shared, sharedNode, "shared_credentials", Validation);
        }

        // Validation done: apply.
        if (name is not null)
        {
            config.Name = name;
        }
        config.Credentials = credentials;
        config.ProxyConfig = proxy;
        config.SharedCredentials = shared;
        if (body.ContainsKey("is_enabled_for_tool_router"))
        {
            config.IsEnabledForToolRouter = toolRouter ?? false;
        }
        if (body.ContainsKey("tool_access_config"))
        {
            // Only the lists a read shows are kept; an empty object changes nothing.
            config.ToolAccessConfig = toolAccess is null ? null : JsonMerge.Patch(config.ToolAccessConfig, KnownKeys(toolAccess), "tool_access_config", Validation);
        }
        if (body.ContainsKey("restrict_to_following_tools"))
        {
            config.RestrictToFollowingTools = restrict ?? (IReadOnlyList<string>)Array.Empty<string>();
        }
    }

    private static JsonObject KnownKeys(JsonObject toolAccess) =>
        new(toolAccess.Where(kv => ToolAccessKeys.Contains(kv.Key)).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
}
