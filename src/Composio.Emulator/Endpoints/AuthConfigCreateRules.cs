using System.Text.Json.Nodes;
using Composio.Emulator.Catalog;
using Composio.Emulator.Errors;
using Composio.Emulator.State;
using static Composio.Emulator.Endpoints.AuthConfigRules;

namespace Composio.Emulator.Endpoints;

/// <summary>POST /auth_configs: a create body checked against its toolkit and turned into the config to store.</summary>
public sealed class AuthConfigCreateRules(ToolkitCatalog catalog)
{
    public const string TypeManaged = "use_composio_managed_auth";
    public const string TypeCustom = "use_custom_auth";

    /// <summary>Validates a create body against the toolkit and returns the config to store.</summary>
    public AuthConfig BuildDraft(JsonObject body, out ToolkitRecord toolkit)
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
}
