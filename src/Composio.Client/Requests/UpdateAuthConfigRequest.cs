using System.Collections.Generic;

namespace Composio.Client.Requests
{
    /// <summary>
    /// A PATCH: only members that are set are sent; the server keeps the rest and merges
    /// <see cref="Credentials"/> key by key. <see cref="Type"/> picks the body variant.
    /// </summary>
    public sealed class UpdateAuthConfigRequest
    {
        public AuthConfigType Type { get; set; }
        /// <summary>At least one non-blank character (the API refuses an empty name).</summary>
        public string? Name { get; set; }
        /// <summary>Custom configs only: merged into the stored credentials.</summary>
        public IDictionary<string, object?>? Credentials { get; set; }
        /// <summary>Managed configs only: top-level `scopes`, comma-joined.</summary>
        public string? Scopes { get; set; }
        /// <summary>Managed configs only: top-level `user_scopes`, comma-joined.</summary>
        public string? UserScopes { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        public string[]? ToolsAvailableForExecution { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        /// <summary>Both variants: merged key by key into the stored shared credentials (a null value removes a key).</summary>
        public IDictionary<string, object?>? SharedCredentials { get; set; }
        /// <summary>`restrict_to_following_tools`, deprecated by the API: the module sends <see cref="ToolsAvailableForExecution"/>, as the official SDK does.</summary>
        public string[]? RestrictToFollowingTools { get; set; }
        /// <summary>Custom configs only: a new `proxy_config` (URL, optional auth key).</summary>
        public string? ProxyUrl { get; set; }
        public string? ProxyAuthKey { get; set; }
        /// <summary>Custom configs only: send `proxy_config: null`, removing the proxy.</summary>
        public bool ClearProxy { get; set; }
    }
}
