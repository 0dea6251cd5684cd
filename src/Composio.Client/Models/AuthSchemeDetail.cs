using System;

namespace Composio
{
    /// <summary>One auth scheme a toolkit offers, with the fields it asks for.</summary>
    public sealed class AuthSchemeDetail
    {
        public string Toolkit { get; set; } = string.Empty;
        /// <summary>The scheme, uppercase (e.g. `OAUTH2`).</summary>
        public string AuthScheme { get; set; } = string.Empty;
        public string? Name { get; set; }
        /// <summary>Creation fields, required ones first.</summary>
        public AuthConfigField[] AuthConfigCreationFields { get; set; } = Array.Empty<AuthConfigField>();
        /// <summary>Connection (initiation) fields, required ones first.</summary>
        public AuthConfigField[] ConnectedAccountInitiationFields { get; set; } = Array.Empty<AuthConfigField>();
        public bool IsComposioManaged { get; set; }
        /// <summary>The scopes Composio's managed app can request for this scheme (`composio_managed_auth[].scopes.available`).</summary>
        public string[] AvailableScopes { get; set; } = Array.Empty<string>();
        /// <summary>The user-token scopes Composio's managed app can request (`composio_managed_auth[].user_scopes.available`, Slack's).</summary>
        public string[] AvailableUserScopes { get; set; } = Array.Empty<string>();
        /// <summary>The scopes requested when none are given: the default of the `scopes` creation field, split at commas.</summary>
        public string[] DefaultScopes { get; set; } = Array.Empty<string>();
        /// <summary>Scopes the scheme always needs (`required_scopes`).</summary>
        public string[] RequiredScopes { get; set; } = Array.Empty<string>();

        public override string ToString() => AuthScheme;
    }
}
