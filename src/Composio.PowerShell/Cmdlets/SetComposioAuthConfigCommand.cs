using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Validation;
using Composio.PowerShell.Binding;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-ComposioAuthConfig: changes only what is given (PATCH). The body variant follows the
    /// config's type: taken from a piped AuthConfig, else looked up with one GET.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class SetComposioAuthConfigCommand : ComposioCmdlet
    {
        private const string ScopesKey = "scopes";
        private Dictionary<string, object?>? _credentials;
        private Dictionary<string, object?>? _sharedCredentials;
        private string _changes = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Checked in BeginProcessing rather than by a validation attribute, so a blank name gets its own error id.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? Name { get; set; }

        /// <summary>Merged key by key into the stored credentials (custom configs only).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Credentials { get; set; }

        /// <summary>Managed configs: the top-level scopes; custom configs: credentials.scopes.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Scope { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? ToolsAvailableForExecution { get; set; }

        /// <summary>Merged key by key into the config's shared credentials; values may be SecureStrings.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? SharedCredentials { get; set; }

        /// <summary>Managed configs: restrict_to_following_tools (an empty list clears it).</summary>
        [Parameter]
        [Alias("RestrictToFollowingTools")]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public string[]? RestrictToTools { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Name != null && Name.Trim().Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Invalid("EmptyAuthConfigName",
                    "-Name needs at least one non-blank character (the API refuses an empty name); leave -Name out to keep the current one.", Name));
            }
            try
            {
                _credentials = Credentials == null || Credentials.Count == 0 ? null : CredentialTable.From(Credentials);
                _sharedCredentials = SharedCredentials == null || SharedCredentials.Count == 0 ? null : CredentialTable.From(SharedCredentials);
            }
            catch (CredentialValueException ex)
            {
                ThrowTerminatingError(ErrorRecords.Invalid(ex.ErrorId, ex.Message, ex.Key));
            }
            if (Scope != null && _credentials != null && _credentials.ContainsKey(ScopesKey))
            {
                ThrowTerminatingError(ErrorRecords.Invalid("ScopeGivenTwice",
                    "Scopes were given both in -Scope and as -Credentials['scopes']; give them once.", ScopesKey));
            }
            _changes = DescribeChanges();
            if (_changes.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Invalid("NothingToSet",
                    "Nothing to change: give at least one of -Name, -Credentials, -Scope, -ToolsForConnectedAccountCreation, -ToolsAvailableForExecution, -SharedCredentials, -RestrictToTools.", null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                SetOne(id);
            }
        }

        private void SetOne(string id)
        {
            try
            {
                ApiIdentifiers.AuthConfigId(id);
                // Field names only, never values: a secret must not reach -WhatIf or a transcript.
                if (!ShouldProcess(id, "Change " + _changes))
                {
                    return;
                }
                // -Scope is checked against the config's toolkit, so the config is read whatever is known of it.
                var type = Scope != null ? CheckScopes(ReadConfig(id)) : TypeOf(id);
                if (type == AuthConfigType.ComposioManaged && _credentials != null)
                {
                    WriteError(ErrorRecords.Invalid("CredentialsOnManagedConfig",
                        $"Auth config {id} is Composio-managed: it has no credentials of yours to change. Use -Scope for its scopes, or create a custom config with your own app.", id));
                    return;
                }
                if (type == AuthConfigType.Custom && RestrictToTools != null)
                {
                    WriteError(ErrorRecords.Invalid("RestrictToToolsOnCustomConfig",
                        $"Auth config {id} is custom: the API changes restrict_to_following_tools on Composio-managed configs only. Use -ToolsAvailableForExecution to limit the tools of a custom config.", id));
                    return;
                }
                Await(token => Client.UpdateAuthConfigAsync(id, BuildRequest(type), token));
                if (PassThru.IsPresent)
                {
                    WriteCurrentConfig(id);
                }
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex, id);
            }
        }

        /// <summary>The type from a piped AuthConfig when there was one, else from the server.</summary>
        private AuthConfigType TypeOf(string id)
        {
            if (AuthConfigTypes.TryGet(id, out var known))
            {
                return known;
            }
            WriteVerbose($"Looking up the type of {id} to choose the update's body.");
            return ReadConfig(id).Type;
        }

        private AuthConfig ReadConfig(string id)
        {
            var config = Await(token => Client.GetAuthConfigAsync(id, token));
            AuthConfigTypes.Remember(config);
            return config;
        }

        /// <summary>
        /// Warns about -Scope values the config's toolkit does not list, and names its required
        /// scopes in -Verbose. Advice only: when the toolkit cannot be read, the change still goes.
        /// </summary>
        private AuthConfigType CheckScopes(AuthConfig config)
        {
            try
            {
                var cache = ComposioSession.RequireToolkits();
                var toolkit = Await(token => cache.GetAsync(config.Toolkit, token));
                var scheme = toolkit.AuthConfigDetails?.FirstOrDefault(d => string.Equals(d.AuthScheme, config.AuthScheme, StringComparison.OrdinalIgnoreCase));
                if (scheme != null)
                {
                    var warning = ScopeCheck.Warning(scheme, Scope!);
                    if (warning != null)
                    {
                        WriteWarning(warning);
                    }
                    WriteVerbose(ScopeCheck.Required(scheme, Scope!));
                }
            }
            catch (ComposioException ex) when (ex.Kind != ComposioErrorKind.Unauthorized && ex.Kind != ComposioErrorKind.Connection)
            {
                WriteVerbose($"The scopes were not checked: toolkit '{config.Toolkit}' could not be read ({ex.Message}).");
            }
            return config.Type;
        }

        private UpdateAuthConfigRequest BuildRequest(AuthConfigType type)
        {
            var request = new UpdateAuthConfigRequest
            {
                Type = type,
                Name = Name,
                ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
                ToolsAvailableForExecution = ToolsAvailableForExecution,
                SharedCredentials = _sharedCredentials,
                RestrictToFollowingTools = RestrictToTools,
            };
            var scopes = Scope == null ? null : string.Join(",", Scope);
            if (type == AuthConfigType.ComposioManaged)
            {
                request.Scopes = scopes;
            }
            else if (_credentials != null || scopes != null)
            {
                var credentials = new Dictionary<string, object?>(_credentials ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
                if (scopes != null)
                {
                    credentials[ScopesKey] = scopes;
                }
                request.Credentials = credentials;
            }
            return request;
        }

        private string DescribeChanges()
        {
            var parts = new List<string>();
            if (Name != null)
            {
                parts.Add("name");
            }
            if (_credentials != null)
            {
                parts.Add("credentials (" + string.Join(", ", _credentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (Scope != null)
            {
                parts.Add("scopes");
            }
            if (ToolsForConnectedAccountCreation != null)
            {
                parts.Add("tools for connected account creation");
            }
            if (ToolsAvailableForExecution != null)
            {
                parts.Add("tools available for execution");
            }
            if (_sharedCredentials != null)
            {
                parts.Add("shared credentials (" + string.Join(", ", _sharedCredentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (RestrictToTools != null)
            {
                parts.Add("tool restriction");
            }
            return string.Join(", ", parts);
        }
    }
}
