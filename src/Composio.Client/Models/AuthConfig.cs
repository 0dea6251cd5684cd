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
        /// <summary>`ComposioManaged` or `Custom`: the spelling -Type takes, the same in tables, CSV and JSON.</summary>
        public string Type { get; set; } = nameof(AuthConfigType.ComposioManaged);
        /// <summary>`ENABLED` or `DISABLED`, or another status the server reports, kept as its text; null when the server did not say (e.g. right after create).</summary>
        public string? Status { get; set; }
        /// <summary>Null when the status is unknown or not one of the two this module knows: nothing decides from a status it does not understand.</summary>
        public bool? IsEnabled =>
            string.Equals(Status, "ENABLED", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(Status, "DISABLED", StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public string? CreatedBy { get; set; }
        public int? ConnectionCount { get; set; }
        /// <summary>Credential fields as the server shows them, with every secret value replaced by `***`.</summary>
        public CredentialMap Credentials { get; set; } = new CredentialMap();
        public ItemList<string> ToolsForConnectedAccountCreation { get; set; } = ItemList<string>.Empty;
        public ItemList<string> ToolsAvailableForExecution { get; set; } = ItemList<string>.Empty;
        public string? ProxyUrl { get; set; }
        /// <summary>`***` when the proxy has an auth key (a secret, never shown), else null.</summary>
        public string? ProxyAuthKey { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        public ItemList<string> RestrictToFollowingTools { get; set; } = ItemList<string>.Empty;
        /// <summary>Shared credential fields with every value shown as `***`: they are secrets every connection uses.</summary>
        public CredentialMap SharedCredentials { get; set; } = new CredentialMap();
        /// <summary>Fields a user supplies when connecting an account through this config.</summary>
        public ItemList<AuthConfigField> ExpectedInputFields { get; set; } = ItemList<AuthConfigField>.Empty;
        public string? ToolkitLogo { get; set; }
        public string? Uuid { get; set; }
        /// <summary>After a delete with revoke_on_delete: the server's revocation job.</summary>
        public string? RevokeJobId { get; set; }

        public override string ToString() => Id;
    }
}
