using System;

namespace Composio
{
    /// <summary>The scopes a toolkit scheme lists: what can be requested, what is requested by default, what is always needed.</summary>
    public sealed class ToolkitScopes
    {
        public string Toolkit { get; set; } = string.Empty;
        public string AuthScheme { get; set; } = string.Empty;
        /// <summary>Scopes Composio's managed app can request.</summary>
        public string[] AvailableScopes { get; set; } = Array.Empty<string>();
        /// <summary>Scopes requested when none are given.</summary>
        public string[] DefaultScopes { get; set; } = Array.Empty<string>();
        /// <summary>Scopes the scheme always needs.</summary>
        public string[] RequiredScopes { get; set; } = Array.Empty<string>();

        /// <summary>The set to request when nothing narrower is known: the defaults.</summary>
        public string[] Scope => DefaultScopes;

        public static ToolkitScopes Of(AuthSchemeDetail scheme) => new ToolkitScopes
        {
            Toolkit = scheme.Toolkit,
            AuthScheme = scheme.AuthScheme,
            AvailableScopes = scheme.AvailableScopes,
            DefaultScopes = scheme.DefaultScopes,
            RequiredScopes = scheme.RequiredScopes,
        };

        public override string ToString() => string.Join(",", Scope);
    }
}
