using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.Scopes;

namespace Composio.Emulator.Endpoints;

/// <summary>The rules a config's settings obey whether they come in a create or a PATCH.</summary>
public static class AuthConfigRules
{
    public const string Validation = ApiError.Slugs.AuthConfigValidation;

    // The members of tool_access_config a read shows; anything else sent in it is not kept.
    public static readonly string[] ToolAccessKeys = { "tools_for_connected_account_creation", "tools_available_for_execution" };

    /// <summary>
    /// Every required creation field the user sees must be present and non-empty; the message
    /// quotes displayName like the service. Fields hidden from the user are never demanded.
    /// </summary>
    public static void RequireFields(JsonObject credentials, AuthDetail detail, ToolkitRecord toolkit)
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
    public static void DeriveScopes(ToolkitRecord toolkit, string scheme, JsonObject? toolAccess, JsonObject credentials, bool scopesGiven)
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
    public static void ApplyHiddenDefaults(JsonObject credentials, AuthDetail detail)
    {
        foreach (var field in detail.CreationRequired.Concat(detail.CreationOptional))
        {
            if (!field.UserVisible && field.Default is not null && !JsonRead.HasValue(credentials[field.Name]))
            {
                credentials[field.Name] = field.Default;
            }
        }
    }

    /// <summary>A proxy must name its URL; its auth key, when given, is text.</summary>
    public static JsonObject? ReadProxy(JsonObject obj, string path)
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
}
