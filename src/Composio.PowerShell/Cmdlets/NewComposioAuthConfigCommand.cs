using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Toolkits;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;
using Composio.PowerShell.DesiredState;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// New-ComposioAuthConfig: POST /auth_configs, after checking everything the module can judge
    /// itself. With -Name that is the only request; without, GET /auth_configs/{id} reads the name
    /// the server chose.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DefaultSet)]
    // By name: a typeof() of a client type in an attribute would load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class NewComposioAuthConfigCommand : CreateCommand, IDynamicParameters
    {
        public const string DefaultSet = "Default";

        private AuthFieldParameters _fieldParameters = AuthFieldParameters.Empty;
        private ComposioException? _toolkitNotFound;

        /// <summary>The toolkit slug, e.g. github (case-insensitive); a piped Toolkit or string binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DefaultSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Slug")]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        public string Toolkit { get; set; } = string.Empty;

        // Kept as an int: a field of the client's enum type would make loading this class (at
        // Import-Module, before the module's assembly resolver is hooked) load Composio.Client.
        private int _type = (int)AuthConfigType.ComposioManaged;

        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [AuthConfigTypeTransformation]
        public AuthConfigType Type
        {
            get => (AuthConfigType)_type;
            set => _type = (int)value;
        }

        /// <summary>OAUTH2, API_KEY, ...: required with -Type Custom.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        [ArgumentCompleter(typeof(AuthSchemeCompleter))]
        public string? AuthScheme { get; set; }

        /// <summary>Trimmed; a blank name is refused (EmptyAuthConfigName) rather than left to the server's default.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>Field name → string, number, boolean or SecureString.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [CredentialCell]
        public Hashtable? Credentials { get; set; }

        /// <summary>Sent as one comma-joined string in credentials.scopes; binds the Scope of piped Get-ComposioToolkitScope output.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [ListCell]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        public string[]? Scope { get; set; }

        /// <summary>Sent as credentials.oauth_redirect_uri; must be absolute http(s).</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public Uri? RedirectUri { get; set; }

        /// <summary>A CSV cell `a; b` or `a,b` is a list (the module's Export-Csv writes lists as `a; b`).</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [ListCell]
        [ArgumentCompleter(typeof(ToolCompleter))]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        /// <summary>
        /// Only these tools may be executed through the config (tool_access_config.tools_available_for_execution,
        /// sent right after the create: the create body has no place for it). -RestrictToTools is its alias,
        /// as the official SDK's restrictToFollowingTools maps to it.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [Alias("RestrictToTools")]
        [ListCell]
        [ArgumentCompleter(typeof(ToolCompleter))]
        public string[]? ToolsAvailableForExecution { get; set; }

        /// <summary>Managed OAuth user-token scopes (Slack's user_scopes), sent as credentials.user_scopes.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [ListCell]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        public string[]? UserScope { get; set; }

        /// <summary>Custom configs: route the toolkit's API calls through this proxy (proxy_config.proxy_url).</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? ProxyUrl { get; set; }

        /// <summary>The proxy's auth key (proxy_config.proxy_auth_key); a secret, so a SecureString.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SecureString? ProxyAuthKey { get; set; }

        /// <summary>Make the config usable by Composio's tool router (is_enabled_for_tool_router); -EnabledForToolRouter:$false sends false.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter EnabledForToolRouter { get; set; }

        /// <summary>Shared credentials (experimental): field → value every connection of the config uses; values may be SecureStrings.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public Hashtable? SharedCredentials { get; set; }

        /// <summary>Send credential keys the toolkit does not declare (for fields its metadata lags on).</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter AllowUndeclaredField { get; set; }

        /// <summary>
        /// Skip an item whose name already exists for its toolkit in the project, and output the
        /// existing config instead (one listing per toolkit per command), so a rerun creates nothing twice.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter SkipExisting { get; set; }

        private protected override bool SkipExistingGiven => SkipExisting.IsPresent;
        private readonly UnusedColumns _unusedColumns = new UnusedColumns();

        /// <summary>
        /// The piped object itself, so a CSV row's columns named after the scheme's fields
        /// (client_id, client_secret, ...) can be read as credentials. Not for direct use.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private System.Collections.Generic.HashSet<string> _givenOnCommandLine = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public object GetDynamicParameters()
        {
            _fieldParameters = CreationFieldParameters.For(Connection, Toolkit, Type, AuthScheme, typeof(NewComposioAuthConfigCommand), out _toolkitNotFound);
            return _fieldParameters.Dictionary;
        }

        private protected override void Begin()
        {
            // What the command line gave, as opposed to what each piped object will bind.
            _givenOnCommandLine = new System.Collections.Generic.HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            var unresolved = _fieldParameters.UnresolvedUse(ex => ToolkitErrors.IsNotFound(ex) ? ToolkitErrors.LookupError(ex, Toolkit, null) : ex);
            if (unresolved != null)
            {
                throw Terminate(unresolved);
            }
        }

        protected override void ProcessRecord()
        {
            var piped = InputObject?.BaseObject;
            // A piped Toolkit gives its slug; its display name and its own type (native/custom) are not the config's.
            var fromToolkit = piped is Toolkit;
            var row = piped is PSCustomObject ? InputObject : null;
            var builder = new CreateRequestBuilder
            {
                Type = fromToolkit && !_givenOnCommandLine.Contains(nameof(Type)) ? AuthConfigType.ComposioManaged : Type,
                AuthScheme = AuthScheme,
                Name = fromToolkit && !_givenOnCommandLine.Contains(nameof(Name)) ? null : Name,
                Credentials = Credentials,
                Scope = Scope,
                RedirectUri = RedirectUri,
                ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
                ToolsAvailableForExecution = ToolsAvailableForExecution,
                UserScope = UserScope,
                ProxyUrl = ProxyUrl,
                ProxyAuthKey = ProxyAuthKey == null ? null : PlainText.From(ProxyAuthKey),
                IsEnabledForToolRouter = MyInvocation.BoundParameters.ContainsKey(nameof(EnabledForToolRouter)) ? EnabledForToolRouter.IsPresent : (bool?)null,
                SharedCredentials = SharedCredentials,
                FieldArguments = _fieldParameters.Arguments(),
                Row = row,
                AllowUndeclaredFields = AllowUndeclaredField.IsPresent,
            };
            var label = builder.Label(Toolkit.ToLowerInvariant());
            // A CSV row is its own best name in a log of 200 rows; otherwise the label.
            Run(new BulkItem((object?)row ?? label, label), null, connection => Plan(connection, builder, label));
        }

        private ItemPlan<Created>? Plan(ComposioConnection connection, CreateRequestBuilder builder, string label)
        {
            var request = CheckAgainstToolkit(connection.Toolkits, FetchToolkit(connection), builder.Build);
            if (builder.Row != null)
            {
                WarnUnusedColumns(builder);
            }
            if (Scope != null && builder.Scheme != null)
            {
                // Advice, before -WhatIf stops: the request still goes as given.
                ScopeCheck.Advise(builder.Scheme, Scope, Warn, Say);
            }
            return PlanCreate(connection, request, label, builder.RowDisabled, WhitespaceRule.List(builder.ToolsAvailableForExecution));
        }

        /// <summary>Names, once per command, each column of the piped rows that nothing takes: its values are not copied.</summary>
        private void WarnUnusedColumns(CreateRequestBuilder builder)
        {
            var taken = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in MyInvocation.MyCommand.Parameters.Values)
            {
                taken.Add(parameter.Name);
                taken.UnionWith(parameter.Aliases);
            }
            taken.UnionWith(builder.Scheme?.AuthConfigCreationFields.Select(f => f.Name) ?? Enumerable.Empty<string>());
            foreach (var column in _unusedColumns.Next(builder.Row!, taken))
            {
                Warn($"The column '{column}' of the piped rows is not used by New-ComposioAuthConfig: its values are not copied to the new configs.");
            }
        }

        /// <summary>The toolkit's metadata (cached); an unknown toolkit is a ToolkitNotFound naming similar ones.</summary>
        private Toolkit FetchToolkit(ComposioConnection connection)
        {
            if (_toolkitNotFound != null && string.Equals(_toolkitNotFound.Target, Toolkit, StringComparison.OrdinalIgnoreCase))
            {
                // Binding already asked for it (for the dynamic parameters): the answer was 404.
                throw ToolkitError(_toolkitNotFound, Toolkit, connection);
            }
            return RequireToolkit(connection, Toolkit);
        }

    }
}
