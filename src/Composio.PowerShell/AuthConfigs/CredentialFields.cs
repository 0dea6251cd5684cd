namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// The credential fields the module itself gives a meaning to: static parameters (-Scope,
    /// -UserScope, -RedirectUri) and the desired-state keys cover them, and a managed config may
    /// take only the scope fields.
    /// </summary>
    internal static class CredentialFields
    {
        public const string Scopes = "scopes";
        public const string UserScopes = "user_scopes";
        public const string RedirectUri = "oauth_redirect_uri";
    }
}
