using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Validation;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-ComposioAuthConfig: changes only what is given (PATCH). The body variant follows the
    /// config's type: taken from a piped AuthConfig, else looked up with one GET.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class SetComposioAuthConfigCommand : BulkCommand, IDynamicParameters
    {
        private const string ScopesKey = "scopes";
        private Dictionary<string, object?>? _credentials;
        private Dictionary<string, object?>? _sharedCredentials;
        private AuthFieldParameters _fieldParameters = AuthFieldParameters.Empty;
        private HashSet<string> _givenOnCommandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The new name. Takes pipeline input by property name so a script block is evaluated per
        /// piped config (`-Name { "$($_.Name)-v2" }`); a piped config's own name is not a change.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>Merged key by key into the stored credentials (custom configs only).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Credentials { get; set; }

        /// <summary>Managed configs: the top-level scopes; custom configs: credentials.scopes.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string[]? Scope { get; set; }

        [Parameter]
        [ValidateNotNull]
        [RejectScriptBlock]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        [Parameter]
        [ValidateNotNull]
        [RejectScriptBlock]
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
        [RejectScriptBlock]
        public string[]? RestrictToTools { get; set; }

        /// <summary>Send credential keys the config's scheme does not declare (its metadata may lag).</summary>
        [Parameter]
        public SwitchParameter AllowUndeclaredField { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself, to tell its own name from a new one. Not for direct use.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        public object GetDynamicParameters()
        {
            _fieldParameters = UpdateFieldParameters.For(Connection, Id, typeof(SetComposioAuthConfigCommand));
            return _fieldParameters.Dictionary;
        }

        protected override void BeginProcessing()
        {
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            if (_givenOnCommandLine.Contains(nameof(Name)) && Name != null && Name.Trim().Length == 0)
            {
                // Given on the command line, it would fail every item alike.
                ThrowComposioError(EmptyName(Name));
            }
            try
            {
                var table = CredentialTable.From(Credentials, _fieldParameters);
                _credentials = table.Count == 0 ? null : table;
                _sharedCredentials = SharedCredentials == null || SharedCredentials.Count == 0 ? null : CredentialTable.From(SharedCredentials);
            }
            catch (ComposioException ex)
            {
                ThrowComposioError(ex);
            }
            if (Scope != null && _credentials != null && _credentials.ContainsKey(ScopesKey))
            {
                ThrowComposioError(InputError.New("ScopeGivenTwice",
                    "Scopes were given both in -Scope and as -Credentials['scopes']; give them once.", ScopesKey));
            }
            // Without pipeline input every change is known now; with it, -Name or -Scope may still come per object.
            if (!MyInvocation.ExpectingInput && DescribeChanges(Name).Length == 0)
            {
                ThrowComposioError(NothingToSet());
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Items(Id))
            {
                SetOne(id);
            }
        }

        private void SetOne(string id)
        {
            string? name;
            string changes;
            try
            {
                ApiIdentifiers.AuthConfigId(id);
                name = NewName();
                if (name != null && name.Trim().Length == 0)
                {
                    throw EmptyName(id);
                }
                changes = DescribeChanges(name);
                if (changes.Length == 0)
                {
                    throw NothingToSet();
                }
            }
            catch (ComposioException ex)
            {
                Dispatch(id, ex);
                return;
            }
            // Field names only, never values: a secret must not reach -WhatIf or a transcript.
            if (!ShouldProcessItem(id, "Change " + changes))
            {
                return;
            }
            var connection = ItemConnection();
            UpdateAuthConfigRequest body;
            try
            {
                // Decided on the pipeline thread (warnings may be written); free when the config was
                // piped in or seen before and its toolkit is cached, so the work items still overlap.
                var config = Describe(connection, id, _credentials != null || Scope != null);
                if (config.Type == AuthConfigType.ComposioManaged && _credentials != null)
                {
                    throw InputError.New("CredentialsOnManagedConfig",
                        $"Auth config {id} is Composio-managed: it has no credentials of yours to change. Use -Scope for its scopes, or create a custom config with your own app.", id);
                }
                if (config.Type == AuthConfigType.Custom && RestrictToTools != null)
                {
                    throw InputError.New("RestrictToToolsOnCustomConfig",
                        $"Auth config {id} is custom: the API changes restrict_to_following_tools on Composio-managed configs only. Use -ToolsAvailableForExecution to limit the tools of a custom config.", id);
                }
                if (Scope != null)
                {
                    CheckScopes(connection, config);
                }
                if (_credentials != null && config.AuthScheme != null && !AllowUndeclaredField.IsPresent)
                {
                    var toolkit = Await(token => connection.Toolkits.GetAsync(config.Toolkit, token));
                    CheckAgainstToolkit(connection.Toolkits, toolkit, t =>
                    {
                        CredentialKeys.Check(t, AuthConfigType.Custom, AuthSchemes.Detail(t, config.AuthScheme), _credentials.Keys, false);
                        return t;
                    });
                }
                body = BuildRequest(config.Type, name);
            }
            catch (ComposioException ex)
            {
                Dispatch(id, ex);
                return;
            }
            var passThru = PassThru.IsPresent;
            Dispatch(id, async token =>
            {
                await connection.Client.UpdateAuthConfigAsync(id, body, token).ConfigureAwait(false);
                // -PassThru reads the config back, so the object shows the server's state.
                return passThru ? await connection.Client.GetAuthConfigAsync(id, token).ConfigureAwait(false) : null;
            }, current =>
            {
                if (current != null)
                {
                    Emit(current, connection);
                }
            });
        }

        /// <summary>-Name unless it only repeats the piped config's own name (bound by property name).</summary>
        private string? NewName()
        {
            if (Name != null && !_givenOnCommandLine.Contains(nameof(Name))
                && InputObject?.BaseObject is AuthConfig piped && string.Equals(piped.Name, Name, StringComparison.Ordinal))
            {
                return null;
            }
            return Name;
        }

        /// <summary>
        /// The config's type (for the body variant) and, when credentials are to be checked, its
        /// toolkit and scheme: from what this connection has seen, else with one GET.
        /// </summary>
        private SeenAuthConfigs.Seen Describe(ComposioConnection connection, string id, bool needScheme)
        {
            if (connection.Seen.TryGet(id, out var known) && (!needScheme || known.AuthScheme != null))
            {
                return known;
            }
            Say($"Looking up auth config {id} to choose the update's body.");
            var config = Await(token => connection.Client.GetAuthConfigAsync(id, token));
            connection.Seen.Remember(config);
            connection.Seen.TryGet(id, out var seen);
            return seen;
        }

        /// <summary>
        /// Warns about -Scope values the config's toolkit does not list, and names its required
        /// scopes in -Verbose. Advice only: when the toolkit cannot be read, the change still goes.
        /// </summary>
        private void CheckScopes(ComposioConnection connection, SeenAuthConfigs.Seen config)
        {
            try
            {
                var toolkit = Await(token => connection.Toolkits.GetAsync(config.Toolkit, token));
                var scheme = toolkit.AuthConfigDetails?.FirstOrDefault(d => string.Equals(d.AuthScheme, config.AuthScheme, StringComparison.OrdinalIgnoreCase));
                if (scheme != null)
                {
                    ScopeCheck.Advise(scheme, Scope!, Warn, Say);
                }
            }
            catch (ComposioException ex) when (ex.Kind != ComposioErrorKind.Unauthorized && ex.Kind != ComposioErrorKind.Connection)
            {
                Say($"The scopes were not checked: toolkit '{config.Toolkit}' could not be read ({ex.Message}).");
            }
        }

        private UpdateAuthConfigRequest BuildRequest(AuthConfigType type, string? name)
        {
            var request = new UpdateAuthConfigRequest
            {
                Type = type,
                Name = name,
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

        private static ComposioException EmptyName(string target) =>
            InputError.New("EmptyAuthConfigName",
                "-Name needs at least one non-blank character (the API refuses an empty name); leave -Name out to keep the current one.", target);

        private static ComposioException NothingToSet() =>
            InputError.New("NothingToSet",
                "Nothing to change: give at least one of -Name, -Credentials (or a credential field parameter such as -ClientSecret), -Scope, -ToolsForConnectedAccountCreation, -ToolsAvailableForExecution, -SharedCredentials, -RestrictToTools.");

        private string DescribeChanges(string? name)
        {
            var parts = new List<string>();
            if (name != null)
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
                // Names only: shared credentials are secrets every connection uses.
                parts.Add("shared credentials (" + string.Join(", ", _sharedCredentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (RestrictToTools != null)
            {
                parts.Add("restricted tools");
            }
            return string.Join(", ", parts);
        }
    }
}
