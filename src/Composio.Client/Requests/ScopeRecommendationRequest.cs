using System;
using System.Collections.Generic;

namespace Composio.Client.Requests
{
    /// <summary>What to ask POST /toolkits/{slug}/scopes/recommended (beta). Unset members are left out.</summary>
    public sealed class ScopeRecommendationRequest
    {
        public string Toolkit { get; set; } = string.Empty;
        /// <summary>Tool slugs; empty means every tool of the toolkit.</summary>
        public string[] Tools { get; set; } = Array.Empty<string>();
        /// <summary>The server's default is OAUTH2.</summary>
        public string? AuthScheme { get; set; }
        /// <summary>The server's default is `latest`.</summary>
        public string? ToolkitVersion { get; set; }
        /// <summary>Grant-context dimension → value (see GetGrantContextAsync for the dimensions).</summary>
        public IDictionary<string, string>? GrantContext { get; set; }
        /// <summary>Scopes to add to the answer.</summary>
        public string[]? Include { get; set; }
        /// <summary>Scopes to leave out of the answer.</summary>
        public string[]? Exclude { get; set; }
        /// <summary>The scopes the app may request at all.</summary>
        public string[]? AvailableScopes { get; set; }
    }
}
