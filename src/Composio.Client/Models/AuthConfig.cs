using System;
using System.Collections.Generic;

namespace Composio
{
    /// <summary>A Composio auth config. Secret credential values are always masked as `***`.</summary>
    public sealed class AuthConfig
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        /// <summary>The toolkit slug, lowercase (e.g. `github`).</summary>
        public string Toolkit { get; set; } = string.Empty;
        public string? AuthScheme { get; set; }
        public bool IsComposioManaged { get; set; }
        public AuthConfigType Type { get; set; }
        /// <summary>`ENABLED` or `DISABLED`; null when the server did not say (e.g. right after create).</summary>
        public string? Status { get; set; }
        public bool? IsEnabled => Status == null ? (bool?)null : string.Equals(Status, "ENABLED", StringComparison.OrdinalIgnoreCase);
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public string? CreatedBy { get; set; }
        public int? ConnectionCount { get; set; }
        /// <summary>Credential fields as the server shows them, with every secret value replaced by `***`.</summary>
        public IDictionary<string, object?> Credentials { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        public string[] ToolsForConnectedAccountCreation { get; set; } = Array.Empty<string>();
        public string[] ToolsAvailableForExecution { get; set; } = Array.Empty<string>();
        public string? ProxyUrl { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        public string[] RestrictToFollowingTools { get; set; } = Array.Empty<string>();
        /// <summary>Shared credential fields with every value shown as `***`: they are secrets every connection uses.</summary>
        public IDictionary<string, object?> SharedCredentials { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        /// <summary>Fields a user supplies when connecting an account through this config.</summary>
        public AuthConfigField[] ExpectedInputFields { get; set; } = Array.Empty<AuthConfigField>();
        public string? ToolkitLogo { get; set; }
        public string? Uuid { get; set; }
        /// <summary>Set by Remove-ComposioAuthConfig -RevokeOnDelete: the server's revocation job.</summary>
        public string? RevokeJobId { get; set; }

        public override string ToString() => Id;
    }
}
