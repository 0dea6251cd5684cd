using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Composio.Client.Requests;

namespace Composio.Client.Wire
{
    /// <summary>Builds the JSON bodies exactly as the official SDKs send them.</summary>
    internal static class RequestBodies
    {
        /// <param name="slug">The toolkit slug, already checked and lowercased.</param>
        public static JsonObject Create(CreateAuthConfigRequest request, string slug)
        {
            var config = new JsonObject();
            if (request.Type == AuthConfigType.Custom)
            {
                config["type"] = "use_custom_auth";
                // The one camelCase key of the API.
                config["authScheme"] = request.AuthScheme;
            }
            else
            {
                config["type"] = "use_composio_managed_auth";
            }
            if (request.Name != null)
            {
                config["name"] = request.Name;
            }
            if (request.Credentials != null)
            {
                config["credentials"] = Credentials(request.Credentials);
            }
            if (request.ProxyUrl != null)
            {
                var proxy = new JsonObject { ["proxy_url"] = request.ProxyUrl };
                if (request.ProxyAuthKey != null)
                {
                    proxy["proxy_auth_key"] = request.ProxyAuthKey;
                }
                config["proxy_config"] = proxy;
            }
            if (request.ToolsForConnectedAccountCreation != null)
            {
                config["tool_access_config"] = new JsonObject
                {
                    ["tools_for_connected_account_creation"] = Strings(request.ToolsForConnectedAccountCreation),
                };
            }
            if (request.IsEnabledForToolRouter != null)
            {
                config["is_enabled_for_tool_router"] = request.IsEnabledForToolRouter.Value;
            }
            return new JsonObject
            {
                ["toolkit"] = new JsonObject { ["slug"] = slug },
                ["auth_config"] = config,
            };
        }

        public static JsonObject Update(UpdateAuthConfigRequest request)
        {
            var body = new JsonObject { ["type"] = request.Type == AuthConfigType.Custom ? "custom" : "default" };
            if (request.Name != null)
            {
                body["name"] = request.Name;
            }
            if (request.Credentials != null)
            {
                body["credentials"] = Credentials(request.Credentials);
            }
            if (request.Scopes != null)
            {
                body["scopes"] = request.Scopes;
            }
            if (request.UserScopes != null)
            {
                body["user_scopes"] = request.UserScopes;
            }
            if (request.ToolsForConnectedAccountCreation != null || request.ToolsAvailableForExecution != null)
            {
                var access = new JsonObject();
                if (request.ToolsForConnectedAccountCreation != null)
                {
                    access["tools_for_connected_account_creation"] = Strings(request.ToolsForConnectedAccountCreation);
                }
                if (request.ToolsAvailableForExecution != null)
                {
                    access["tools_available_for_execution"] = Strings(request.ToolsAvailableForExecution);
                }
                body["tool_access_config"] = access;
            }
            if (request.IsEnabledForToolRouter != null)
            {
                body["is_enabled_for_tool_router"] = request.IsEnabledForToolRouter.Value;
            }
            return body;
        }

        private static JsonObject Credentials(IDictionary<string, object?> values)
        {
            var result = new JsonObject();
            foreach (var pair in values)
            {
                result[pair.Key] = Value(pair.Value);
            }
            return result;
        }

        private static JsonNode? Value(object? value) => value switch
        {
            null => null,
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            decimal m => JsonValue.Create(m),
            IEnumerable<string> list => Strings(list),
            _ => JsonValue.Create(value.ToString()),
        };

        private static JsonArray Strings(IEnumerable<string> values) =>
            new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }
}
