using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Http;
using Composio.Emulator.Scopes;
using Composio.Emulator.State;

namespace Composio.Emulator.Endpoints;

/// <summary>
/// /auth_configs: create, list, retrieve, update, enable/disable, delete. Handlers are plain
/// RequestDelegates (no model binding) so start-up stays fast and every error has the Composio shape.
/// </summary>
public sealed class AuthConfigEndpoints(AuthConfigStore store, ToolkitCatalog catalog, AuthConfigView view, bool lossyPageLimit = false)
{
    private const string Validation = ApiError.Slugs.AuthConfigValidation;
    private const string TypeManaged = "use_composio_managed_auth";
    private const string TypeCustom = "use_custom_auth";

    // The two members of the update union (the published spec; §9 item 1: the deprecated
    // restrict_to_following_tools on both).
    private static readonly string[] CustomPatchKeys =
        { "type", "name", "credentials", "proxy_config", "tool_access_config", "is_enabled_for_tool_router", "shared_credentials", "restrict_to_following_tools" };
    // The members of tool_access_config a read shows; anything else sent in it is not kept.
    private static readonly string[] ToolAccessKeys = { "tools_for_connected_account_creation", "tools_available_for_execution" };
    private static readonly string[] DefaultPatchKeys =
        { "type", "name", "scopes", "user_scopes", "tool_access_config", "is_enabled_for_tool_router", "shared_credentials", "restrict_to_following_tools" };

    public void Map(IEndpointRouteBuilder routes, ApiVersion version)
    {
        var p = version.Prefix;
        routes.MapPost(p + "/auth_configs", CreateAsync);
        routes.MapGet(p + "/auth_configs", ctx => ListAsync(ctx, version));
        routes.MapGet(p + "/auth_configs/{id}", GetAsync);
        routes.MapPatch(p + "/auth_configs/{id}", UpdateAsync);
        routes.MapPatch(p + "/auth_configs/{id}/{status}", SetStatusAsync);
        routes.MapDelete(p + "/auth_configs/{id}", DeleteAsync);
    }

    private async Task CreateAsync(HttpContext ctx)
    {
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
        var draft = BuildDraft(body, out var toolkit);
        var response = store.Add(draft, c => new JsonObject
        {
            ["toolkit"] = new JsonObject { ["slug"] = toolkit.Slug },
            ["auth_config"] = new JsonObject
            {
                ["id"] = c.Id,
                ["auth_scheme"] = c.AuthScheme,
                ["is_composio_managed"] = c.IsComposioManaged,
                ["restrict_to_following_tools"] = ToolkitCatalog.StringArray(c.RestrictToFollowingTools),
            },
        });
        await JsonResponse.WriteAsync(ctx, response, StatusCodes.Status201Created);
    }

    /// <summary>Validates a create body against the toolkit and returns the config to store.</summary>
    private AuthConfig BuildDraft(JsonObject body, out ToolkitRecord toolkit)
    {
        var toolkitNode = body["toolkit"] as JsonObject;
        var slug = toolkitNode is null ? null : JsonRead.OptionalString(toolkitNode, "slug", "toolkit.slug", Validation);
        if (string.IsNullOrWhiteSpace(slug))
        {
            throw ApiException.BadRequest("'toolkit.slug' is required.", "Send {\"toolkit\": {\"slug\": \"github\"}}.", Validation);
        }
        toolkit = catalog.Find(slug) ?? throw ApiException.BadRequest(
            $"Toolkit with slug \"{slug.Trim().ToLowerInvariant()}\" not found",
            "List available toolkits with GET /toolkits.", ApiError.Slugs.ToolkitNotFound);

        var options = JsonRead.OptionalObject(body, "auth_config", "auth_config", Validation) ?? new JsonObject { ["type"] = TypeManaged };
        var type = JsonRead.OptionalString(options, "type", "auth_config.type", Validation);
        var name = JsonRead.OptionalString(options, "name", "auth_config.name", Validation);
        var credentials = JsonRead.OptionalObject(options, "credentials", "auth_config.credentials", Validation);
        var toolAccess = JsonRead.OptionalObject(options, "tool_access_config", "auth_config.tool_access_config", Validation);
        var toolRouter = JsonRead.OptionalBool(options, "is_enabled_for_tool_router", "auth_config.is_enabled_for_tool_router", Validation);
        var shared = JsonRead.OptionalObject(options, "shared_credentials", "auth_config.shared_credentials", Validation);
        var restrict = JsonRead.OptionalStringList(options, "restrict_to_following_tools", "auth_config.restrict_to_following_tools", Validation);
        var requestedScheme = JsonRead.OptionalString(options, "authScheme", "auth_config.authScheme", Validation);

        string scheme;
        string storedType;
        JsonObject? proxy = null;
        credentials = credentials is null ? new JsonObject() : (JsonObject)credentials.DeepClone();

        switch (type)
        {
            case TypeManaged:
                if (toolkit.ManagedSchemes.Count == 0)
                {
                    throw ApiException.BadRequest(
                        $"Toolkit \"{toolkit.Slug}\" does not support Composio managed auth",
                        $"Create a custom auth config: type \"{TypeCustom}\" with authScheme one of: {string.Join(", ", toolkit.AuthSchemes)}.",
                        Validation);
                }
                if (requestedScheme is null)
                {
                    scheme = toolkit.ManagedSchemes[0];
                }
                else
                {
                    scheme = toolkit.ManagedSchemes.FirstOrDefault(s => s.Equals(requestedScheme, StringComparison.OrdinalIgnoreCase))
                        ?? throw ApiException.BadRequest(
                            $"Auth scheme \"{requestedScheme}\" is not Composio managed for toolkit \"{toolkit.Slug}\". Managed auth schemes: {string.Join(", ", toolkit.ManagedSchemes)}",
                            $"Omit authScheme, or use type \"{TypeCustom}\" with your own credentials.", Validation);
                }
                JsonRead.RequireScopes(credentials["scopes"], "auth_config.credentials.scopes", Validation);
                JsonRead.RequireScopes(credentials["user_scopes"], "auth_config.credentials.user_scopes", Validation);
                storedType = AuthConfig.TypeDefault;
                break;

            case TypeCustom:
                if (requestedScheme is null)
                {
                    var hint = options.ContainsKey("auth_scheme")
                        ? "The property is camelCase on the wire: send \"authScheme\", not \"auth_scheme\"."
                        : $"Send \"authScheme\": one of {string.Join(", ", toolkit.AuthSchemes)}.";
                    throw ApiException.BadRequest("'auth_config.authScheme' is required for use_custom_auth.", hint, Validation);
                }
                var detail = toolkit.FindDetail(requestedScheme) ?? throw ApiException.BadRequest(
                    $"Auth scheme \"{requestedScheme}\" is not supported for toolkit \"{toolkit.Slug}\". Valid auth schemes: {string.Join(", ", toolkit.AuthSchemes)}",
                    $"Use one of: {string.Join(", ", toolkit.AuthSchemes)}.", Validation);
                scheme = detail.Mode;
                ApplyHiddenDefaults(credentials, detail);
                RequireFields(credentials, detail, toolkit);
                proxy = ReadProxy(options, "auth_config.proxy_config");
                storedType = AuthConfig.TypeCustom;
                break;

            default:
                throw ApiException.BadRequest(
                    type is null ? "'auth_config.type' is required." : $"Unknown auth_config.type \"{type}\".",
                    $"Use \"{TypeManaged}\" or \"{TypeCustom}\".", Validation);
        }

        DeriveScopes(toolkit, scheme, toolAccess, credentials, scopesGiven: credentials.ContainsKey("scopes"));
        return new AuthConfig
        {
            Type = storedType,
            ToolkitSlug = toolkit.Slug,
            Name = string.IsNullOrWhiteSpace(name) ? toolkit.Name + " Auth" : name,
            AuthScheme = scheme,
            Credentials = credentials,
            ProxyConfig = proxy,
            ToolAccessConfig = KnownToolAccess(toolAccess),
            IsEnabledForToolRouter = toolRouter ?? false,
            SharedCredentials = (JsonObject?)shared?.DeepClone(),
            RestrictToFollowingTools = restrict ?? (IReadOnlyList<string>)Array.Empty<string>(),
        };
    }

    /// <summary>
    /// Every required creation field the user sees must be present and non-empty; the message
    /// quotes displayName like the service. Fields hidden from the user are never demanded.
    /// </summary>
    private static void RequireFields(JsonObject credentials, AuthDetail detail, ToolkitRecord toolkit)
    {
        var absent = detail.CreationRequired.Where(f => f.UserVisible && !JsonRead.HasValue(credentials[f.Name])).ToList();
        var missing = absent
            .Select(f => $"Missing required field \"{f.DisplayName}\" for auth scheme \"{detail.Mode}\" in toolkit \"{toolkit.Slug}\"")
            .ToList();
        if (missing.Count > 0)
        {
            var names = absent.Select(f => f.Name);
            throw new ApiException(StatusCodes.Status400BadRequest, Validation, missing[0],
                $"Add these keys to credentials: {string.Join(", ", names)}.", missing);
        }
    }

    /// <summary>
    /// Contract §8 item 9: tools_for_connected_account_creation also sets the config's scopes to the
    /// least-privilege scopes of those tools [inferred: scopes given in the same request win; tools
    /// the scope map does not know are left out].
    /// </summary>
    private static void DeriveScopes(ToolkitRecord toolkit, string scheme, JsonObject? toolAccess, JsonObject credentials, bool scopesGiven)
    {
        if (scopesGiven || toolAccess?["tools_for_connected_account_creation"] is not JsonArray tools || !toolkit.ScopeMaps.TryGetValue(scheme, out var map))
        {
            return;
        }
        var known = tools.Select(t => t is JsonValue v && v.TryGetValue<string>(out var tool) ? tool : null)
            .Where(t => t is not null && map.Tools.Any(m => m.Key.Equals(t, StringComparison.OrdinalIgnoreCase)))
            .Select(t => t!)
            .ToList();
        if (known.Count == 0)
        {
            return;
        }
        var scopes = ScopeRecommender.Recommend(map, known, new Dictionary<string, string>(), Array.Empty<string>(), Array.Empty<string>(), null, toolkit.Slug).LeastPrivilege;
        credentials["scopes"] = string.Join(",", scopes);
    }

    /// <summary>A field with user_visible false that was not given takes its default (contract §8 item 4).</summary>
    private static void ApplyHiddenDefaults(JsonObject credentials, AuthDetail detail)
    {
        foreach (var field in detail.CreationRequired.Concat(detail.CreationOptional))
        {
            if (!field.UserVisible && field.Default is not null && !JsonRead.HasValue(credentials[field.Name]))
            {
                credentials[field.Name] = field.Default;
            }
        }
    }

    /// <summary>Only the tool lists the spec knows, each as a list of strings (400 otherwise).</summary>
    private static JsonObject? KnownToolAccess(JsonObject? toolAccess)
    {
        if (toolAccess is null)
        {
            return null;
        }
        var result = new JsonObject();
        foreach (var key in ToolAccessKeys)
        {
            if (JsonRead.OptionalStringList(toolAccess, key, "tool_access_config." + key, Validation) is { } tools)
            {
                result[key] = ToolkitCatalog.StringArray(tools);
            }
        }
        return result;
    }

    /// <summary>Merges a patch object key by key into <paramref name="current"/> (a null value removes the key); null clears all.</summary>
    private static JsonObject MergeObject(JsonObject? current, JsonNode? patch, string path)
    {
        if (patch is null)
        {
            return new JsonObject();
        }
        if (patch is not JsonObject changes)
        {
            throw ApiException.BadRequest($"'{path}' must be an object or null.", null, Validation);
        }
        var merged = (JsonObject?)current?.DeepClone() ?? new JsonObject();
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }
        return merged;
    }

    private static JsonObject? ReadProxy(JsonObject obj, string path)
    {
        var proxy = JsonRead.OptionalObject(obj, "proxy_config", path, Validation);
        if (proxy is null)
        {
            return null;
        }
        if (JsonRead.OptionalString(proxy, "proxy_url", path + ".proxy_url", Validation) is null)
        {
            throw ApiException.BadRequest($"'{path}.proxy_url' is required.", null, Validation);
        }
        JsonRead.OptionalString(proxy, "proxy_auth_key", path + ".proxy_auth_key", Validation);
        return (JsonObject)proxy.DeepClone();
    }

    private Task ListAsync(HttpContext ctx, ApiVersion version)
    {
        var request = ctx.Request;
        var slugs = Query.List(request, "toolkit_slug");
        var filter = new AuthConfigFilter(
            slugs.Count == 0 ? null : slugs.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            Query.Bool(request, "is_composio_managed"),
            Query.Bool(request, "show_disabled") ?? false,
            Query.String(request, "search") is { Length: > 0 } search ? search : null);
        var limit = Query.Limit(request, ApiVersion.DefaultLimit, version.MaxLimit);
        // --lossy-page-limit: the page is capped, but the cursor moves by the limit that was asked.
        int? advance = lossyPageLimit ? Query.Limit(request, ApiVersion.DefaultLimit, int.MaxValue) : null;
        var page = store.List(filter, limit, Query.String(request, "cursor"), view.Render, advance);
        return JsonResponse.WriteAsync(ctx, page.ToEnvelope(), StatusCodes.Status200OK);
    }

    private Task GetAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        if (!store.TryGet(id, view.Render, out var rendered))
        {
            throw NotFound(id);
        }
        return JsonResponse.WriteAsync(ctx, rendered, StatusCodes.Status200OK);
    }

    private async Task UpdateAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var body = await RequestBody.ReadObjectAsync(ctx, Validation);
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
        if (!store.TryUpdate(id, config => ApplyUpdate(config, type, body)))
        {
            throw NotFound(id);
        }
        await JsonResponse.WriteAsync(ctx, Success($"Auth config {id} updated"), StatusCodes.Status200OK);
    }

    /// <summary>
    /// True PATCH: omitted fields stay, credentials merge key by key (null removes a key), an empty
    /// tool_access_config changes nothing, null or [] clears. Everything is validated before anything changes.
    /// </summary>
    private void ApplyUpdate(AuthConfig config, string type, JsonObject body)
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
                credentials = MergeObject(credentials, credNode, "credentials");
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
            shared = MergeObject(shared, sharedNode, "shared_credentials");
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
            if (toolAccess is null)
            {
                config.ToolAccessConfig = null;
            }
            else
            {
                config.ToolAccessConfig ??= new JsonObject();
                foreach (var (key, value) in toolAccess.Where(kv => ToolAccessKeys.Contains(kv.Key)))
                {
                    if (value is null)
                    {
                        config.ToolAccessConfig.Remove(key);
                    }
                    else
                    {
                        config.ToolAccessConfig[key] = value.DeepClone();
                    }
                }
            }
        }
        if (body.ContainsKey("restrict_to_following_tools"))
        {
            config.RestrictToFollowingTools = restrict ?? (IReadOnlyList<string>)Array.Empty<string>();
        }
    }

    private Task SetStatusAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var status = ctx.Request.RouteValues["status"] as string;
        bool enabled = status switch
        {
            "ENABLED" => true,
            "DISABLED" => false,
            _ => throw ApiException.BadRequest($"Invalid status \"{status}\".", "Use ENABLED or DISABLED.", Validation),
        };
        if (!store.TryUpdate(id, c => c.Enabled = enabled))
        {
            throw NotFound(id);
        }
        return JsonResponse.WriteAsync(ctx, Success($"Auth config {id} {(enabled ? "enabled" : "disabled")}"), StatusCodes.Status200OK);
    }

    private Task DeleteAsync(HttpContext ctx)
    {
        var id = RouteId(ctx);
        var revoke = Query.Bool(ctx.Request, "revoke_on_delete") ?? false;
        if (!store.Remove(id))
        {
            throw NotFound(id);
        }
        // The spec's delete answer: `{revoke_job_id?}` (§9 item 2), not the update's {success, message}.
        var body = new JsonObject();
        if (revoke)
        {
            body["revoke_job_id"] = "pj_" + RandomIds.Alphanumeric(12);
        }
        return JsonResponse.WriteAsync(ctx, body, StatusCodes.Status200OK);
    }

    /// <summary>The answer of update and status (contract §8 item 1; the spec types them `unknown`).</summary>
    private static JsonObject Success(string message) => new() { ["success"] = true, ["message"] = message };

    private static string RouteId(HttpContext ctx) => ctx.Request.RouteValues["id"] as string ?? "";

    private static ApiException NotFound(string id) =>
        new(StatusCodes.Status404NotFound, ApiError.Slugs.AuthConfigNotFound, $"Auth config {id} not found",
            "List auth configs with GET /auth_configs to find a valid id.");
}
