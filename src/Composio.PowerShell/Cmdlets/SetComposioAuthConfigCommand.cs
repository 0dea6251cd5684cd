using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
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
        [ListCell]
        public string[]? Scope { get; set; }

        [Parameter]
        [ValidateNotNull]
        [RejectScriptBlock]
        [ArgumentCompleter(typeof(ToolCompleter))]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        /// <summary>
        /// Only these tools may be executed through the config: tool_access_config.tools_available_for_execution,
        /// on custom and managed configs alike, as the official SDK sends its restrictToFollowingTools
        /// (hence the aliases). An empty list clears the restriction.
        /// </summary>
        [Parameter]
        [Alias("RestrictToTools", "RestrictToFollowingTools")]
        [ValidateNotNull]
        [AllowEmptyCollection]
        [RejectScriptBlock]
        [ArgumentCompleter(typeof(ToolCompleter))]
        public string[]? ToolsAvailableForExecution { get; set; }

        /// <summary>Managed configs: the top-level user_scopes; custom configs: credentials.user_scopes.</summary>
        [Parameter]
        [ValidateNotNull]
        [ListCell]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        public string[]? UserScope { get; set; }

        /// <summary>Custom configs: a new proxy (proxy_config.proxy_url).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProxyUrl { get; set; }

        /// <summary>The proxy's auth key, with -ProxyUrl (the API sets the proxy as a whole).</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? ProxyAuthKey { get; set; }

        /// <summary>Custom configs: remove the proxy (proxy_config: null).</summary>
        [Parameter]
        public SwitchParameter ClearProxy { get; set; }

        /// <summary>is_enabled_for_tool_router: -EnabledForToolRouter sends true, -EnabledForToolRouter:$false sends false.</summary>
        [Parameter]
        public SwitchParameter EnabledForToolRouter { get; set; }

        /// <summary>Remove every shared credential the config holds (each key sent as null; -SharedCredentials may add new ones).</summary>
        [Parameter]
        public SwitchParameter ClearSharedCredentials { get; set; }

        /// <summary>Merged key by key into the config's shared credentials; values may be SecureStrings.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? SharedCredentials { get; set; }

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

        private protected override void Begin()
        {
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            try
            {
                var unresolved = _fieldParameters.UnresolvedUse();
                if (unresolved != null)
                {
                    throw unresolved;
                }
                var table = CredentialTable.From(Credentials, _fieldParameters.Arguments());
                _credentials = table.Count == 0 ? null : table;
                _sharedCredentials = SharedCredentials == null || SharedCredentials.Count == 0 ? null : CredentialTable.From(SharedCredentials);
                // Given on the command line, a bad -Name or a doubled scope would fail every item alike.
                var builder = Builder(_givenOnCommandLine.Contains(nameof(Name)) ? Name : null);
                if (MyInvocation.ExpectingInput)
                {
                    // -Name or -Scope may still come per object: only what is given now is checked.
                    builder.Name = WhitespaceRule.Name(builder.Name, null, "keep the current one");
                }
                else
                {
                    builder.Changes(null);
                }
            }
            catch (ComposioException ex)
            {
                throw Terminate(ex);
            }
        }

        private protected override void CountDone(RunSummary summary) => summary.Changed++;

        protected override void ProcessRecord()
        {
            var own = InputObject?.BaseObject is AuthConfig ? OutputStamp.Of(InputObject) : null;
            foreach (var id in Items(Id))
            {
                var item = new BulkItem(id, "auth config " + id, own);
                var builder = Builder(NewName());
                string changes = string.Empty;
                Run(item, () =>
                {
                    ApiIdentifiers.AuthConfigId(id);
                    changes = builder.Changes(item.Label);
                }, connection => Plan(connection, id, item, builder, changes));
            }
        }

        private UpdateRequestBuilder Builder(string? name) => new UpdateRequestBuilder
        {
            Name = name,
            Credentials = _credentials,
            Scope = Scope,
            ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
            ToolsAvailableForExecution = ToolsAvailableForExecution,
            SharedCredentials = _sharedCredentials,
            ClearSharedCredentials = ClearSharedCredentials.IsPresent,
            UserScope = UserScope,
            ProxyUrl = ProxyUrl,
            ProxyAuthKey = ProxyAuthKey == null ? null : PlainText.From(ProxyAuthKey),
            ClearProxy = ClearProxy.IsPresent,
            IsEnabledForToolRouter = MyInvocation.BoundParameters.ContainsKey(nameof(EnabledForToolRouter)) ? EnabledForToolRouter.IsPresent : (bool?)null,
            AllowUndeclaredFields = AllowUndeclaredField.IsPresent,
        };

        /// <summary>
        /// The checks that need the config, before the confirmation: its type (for the body variant)
        /// and, for credentials or scopes, its scheme. Free when the config was piped in or seen
        /// before and its toolkit is cached, so the work items still overlap.
        /// </summary>
        private ItemPlan<AuthConfig?> Plan(ComposioConnection connection, string id, BulkItem item, UpdateRequestBuilder builder, string changes)
        {
            var config = Known(connection, id, known => !builder.NeedsScheme || known.AuthScheme != null, "to choose the update's body");
            if (builder.ClearSharedCredentials)
            {
                // The keys to clear are the config's own: read now (values come back masked; only the keys matter).
                var current = Await(token => connection.Client.GetAuthConfigAsync(id, token));
                builder.SharedCredentialsHeld = current.SharedCredentials.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            }
            Toolkit? toolkit = null;
            if (builder.NeedsScheme && config.AuthScheme != null)
            {
                toolkit = ReadToolkit(connection, config, throwing: builder.Credentials != null);
            }
            if (Scope != null && toolkit != null)
            {
                var scheme = toolkit.AuthConfigDetails?.FirstOrDefault(d => string.Equals(d.AuthScheme, config.AuthScheme, StringComparison.OrdinalIgnoreCase));
                if (scheme != null)
                {
                    ScopeCheck.Advise(scheme, Scope, Warn, Say);
                }
            }
            var body = builder.Credentials != null && toolkit != null
                ? CheckAgainstToolkit(connection.Toolkits, toolkit, t => builder.Build(item.Label, config.Type, t, config.AuthScheme))
                : builder.Build(item.Label, config.Type, null, config.AuthScheme);
            var passThru = PassThru.IsPresent;
            // Field names only, never values: a secret must not reach -WhatIf or a transcript.
            return new ItemPlan<AuthConfig?>("Change " + changes, async token =>
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
            })
            { Target = ChangeTarget.Of(config.Name, id, config.Toolkit, connection) };
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
        /// The config's toolkit. For credentials it must be read (their keys are checked); for
        /// scopes alone it is advice only: when it cannot be read, the change still goes.
        /// </summary>
        private Toolkit? ReadToolkit(ComposioConnection connection, SeenAuthConfigs.Seen config, bool throwing)
        {
            try
            {
                return Await(token => connection.Toolkits.GetAsync(config.Toolkit, token));
            }
            catch (ComposioException ex) when (!throwing && ex.Kind != ComposioErrorKind.Unauthorized && ex.Kind != ComposioErrorKind.Connection)
            {
                Say($"The scopes were not checked: toolkit '{config.Toolkit}' could not be read ({ex.Message}).");
                return null;
            }
        }
    }
}
