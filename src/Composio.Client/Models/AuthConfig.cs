using System;
using System.Collections.Generic;
using System.Threading;

namespace Composio
{
    /// <summary>A Composio auth config. Secret credential values are always masked as `***`.</summary>
    /// <remarks>
    /// A config made by a create holds what the create answer and the request say; the fields only
    /// the server knows (timestamps, uuid, creator, credentials as the server shows them, ...) are read
    /// with one GET the first time one of them is read (<see cref="ReadRestOnFirstUse"/>), so a create
    /// costs one request unless its output is looked at closely.
    /// </remarks>
    public sealed class AuthConfig
    {
        private Lazy<AuthConfig?>? _rest;
        private readonly List<Action<AuthConfig>> _fixes = new List<Action<AuthConfig>>();
        private string? _uuid;
        private DateTime? _createdAt;
        private DateTime? _lastUpdatedAt;
        private string? _createdBy;
        private CredentialMap? _credentials;
        private ItemList<string>? _toolsForCreation;
        private ItemList<string>? _toolsForExecution;
        private string? _proxyUrl;
        private string? _proxyAuthKey;
        private bool? _toolRouter;
        private ItemList<string>? _restrictTo;
        private CredentialMap? _sharedCredentials;
        private ItemList<AuthConfigField>? _expectedInputFields;
        private string? _toolkitLogo;

        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        /// <summary>The toolkit slug, lowercase (e.g. `github`).</summary>
        public string Toolkit { get; set; } = string.Empty;
        public string? AuthScheme { get; set; }
        public bool IsComposioManaged { get; set; }
        /// <summary>`ComposioManaged` or `Custom`: the spelling -Type takes, the same in tables, CSV and JSON.</summary>
        public string Type { get; set; } = nameof(AuthConfigType.ComposioManaged);
        /// <summary>`ENABLED` or `DISABLED`, or another status the server reports, kept as its text; null when the server did not say.</summary>
        public string? Status { get; set; }
        /// <summary>Null when the status is unknown or not one of the two this module knows: nothing decides from a status it does not understand.</summary>
        public bool? IsEnabled =>
            string.Equals(Status, "ENABLED", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(Status, "DISABLED", StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;
        public DateTime? CreatedAt { get => _createdAt ?? Rest?.CreatedAt; set => _createdAt = value; }
        public DateTime? LastUpdatedAt { get => _lastUpdatedAt ?? Rest?.LastUpdatedAt; set => _lastUpdatedAt = value; }
        public string? CreatedBy { get => _createdBy ?? Rest?.CreatedBy; set => _createdBy = value; }
        public int? ConnectionCount { get; set; }
        /// <summary>Credential fields as the server shows them, with every secret value replaced by `***`.</summary>
        public CredentialMap Credentials { get => _credentials ??= Rest?.Credentials ?? new CredentialMap(); set => _credentials = value; }
        public ItemList<string> ToolsForConnectedAccountCreation { get => _toolsForCreation ??= Rest?.ToolsForConnectedAccountCreation ?? ItemList<string>.Empty; set => _toolsForCreation = value; }
        public ItemList<string> ToolsAvailableForExecution { get => _toolsForExecution ??= Rest?.ToolsAvailableForExecution ?? ItemList<string>.Empty; set => _toolsForExecution = value; }
        public string? ProxyUrl { get => _proxyUrl ?? Rest?.ProxyUrl; set => _proxyUrl = value; }
        /// <summary>`***` when the proxy has an auth key (a secret, never shown), else null.</summary>
        public string? ProxyAuthKey { get => _proxyAuthKey ?? Rest?.ProxyAuthKey; set => _proxyAuthKey = value; }
        public bool? IsEnabledForToolRouter { get => _toolRouter ?? Rest?.IsEnabledForToolRouter; set => _toolRouter = value; }
        public ItemList<string> RestrictToFollowingTools { get => _restrictTo ??= Rest?.RestrictToFollowingTools ?? ItemList<string>.Empty; set => _restrictTo = value; }
        /// <summary>Shared credential fields with every value shown as `***`: they are secrets every connection uses.</summary>
        public CredentialMap SharedCredentials { get => _sharedCredentials ??= Rest?.SharedCredentials ?? new CredentialMap(); set => _sharedCredentials = value; }
        /// <summary>Fields a user supplies when connecting an account through this config.</summary>
        public ItemList<AuthConfigField> ExpectedInputFields { get => _expectedInputFields ??= Rest?.ExpectedInputFields ?? ItemList<AuthConfigField>.Empty; set => _expectedInputFields = value; }
        public string? ToolkitLogo { get => _toolkitLogo ?? Rest?.ToolkitLogo; set => _toolkitLogo = value; }
        public string? Uuid { get => _uuid ?? Rest?.Uuid; set => _uuid = value; }
        /// <summary>After a delete with revoke_on_delete: the server's revocation job.</summary>
        public string? RevokeJobId { get; set; }

        /// <summary>
        /// Fields this object was not given are read with <paramref name="read"/> (once, on first use;
        /// null when that read fails, and they stay empty). For the output of a create.
        /// </summary>
        internal void ReadRestOnFirstUse(Func<AuthConfig?> read) =>
            _rest = new Lazy<AuthConfig?>(() => Finish(read()), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>
        /// Runs <paramref name="fix"/> (e.g. masking) on this config's fields: now when they are all
        /// here, else on the server's copy as soon as it is read, before any of its fields is handed out.
        /// </summary>
        internal void WhenComplete(Action<AuthConfig> fix)
        {
            lock (_fixes)
            {
                if (_rest != null && !_rest.IsValueCreated)
                {
                    _fixes.Add(fix);
                    return;
                }
            }
            fix(this);
        }

        private AuthConfig? Finish(AuthConfig? read)
        {
            if (read != null)
            {
                lock (_fixes)
                {
                    _fixes.ForEach(fix => fix(read));
                    _fixes.Clear();
                }
            }
            return read;
        }

        private AuthConfig? Rest => _rest?.Value;

        public override string ToString() => Id;
    }
}
