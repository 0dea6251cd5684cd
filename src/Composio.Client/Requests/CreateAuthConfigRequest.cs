using System.Collections.Generic;

namespace Composio.Client.Requests
{
    /// <summary>What to create. Unset members are left out of the JSON body, as the official SDKs do.</summary>
    public sealed class CreateAuthConfigRequest
    {
        public string Toolkit { get; set; } = string.Empty;
        public AuthConfigType Type { get; set; } = AuthConfigType.ComposioManaged;
        public string? Name { get; set; }
        /// <summary>Sent (as camelCase `authScheme`) for custom auth only; managed auth sends none.</summary>
        public string? AuthScheme { get; set; }
        /// <summary>Field name → string, number, bool or string[] value.</summary>
        public IDictionary<string, object?>? Credentials { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        /// <summary>Custom configs only: `proxy_config`.</summary>
        public string? ProxyUrl { get; set; }
        public string? ProxyAuthKey { get; set; }
        /// <summary>`shared_credentials` (experimental): values every connection of the config uses.</summary>
        public IDictionary<string, object?>? SharedCredentials { get; set; }
    }
}
