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
    }
}
