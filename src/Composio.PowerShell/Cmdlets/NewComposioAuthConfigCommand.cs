using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Toolkits;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// New-ComposioAuthConfig: POST /auth_configs, after checking everything the module can judge
    /// itself; then GET /auth_configs/{id} so the output object is complete.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DefaultSet)]
    // By name: a typeof() of a client type in an attribute would load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class NewComposioAuthConfigCommand : ComposioCmdlet, IDynamicParameters
    {
        public const string DefaultSet = "Default";

        private AuthFieldParameters _fieldParameters = AuthFieldParameters.Empty;
        private ComposioException? _toolkitNotFound;

        /// <summary>The toolkit slug, e.g. github (case-insensitive).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DefaultSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        public string Toolkit { get; set; } = string.Empty;

        // Kept as an int: a field of the client's enum type would make loading this class (at
        // Import-Module, before the module's assembly resolver is hooked) load Composio.Client.
        private int _type = (int)AuthConfigType.ComposioManaged;

        [Parameter(ParameterSetName = DefaultSet)]
        public AuthConfigType Type
        {
            get => (AuthConfigType)_type;
            set => _type = (int)value;
        }

        /// <summary>OAUTH2, API_KEY, ...: required with -Type Custom.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AuthSchemeCompleter))]
        public string? AuthScheme { get; set; }

        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Field name → string, number, boolean or SecureString.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public Hashtable? Credentials { get; set; }

        /// <summary>Sent as one comma-joined string in credentials.scopes; binds the Scope of piped Get-ComposioToolkitScope output.</summary>
        [Parameter(ParameterSetName = DefaultSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Scope { get; set; }

        /// <summary>Sent as credentials.oauth_redirect_uri; must be absolute http(s).</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateNotNull]
        public Uri? RedirectUri { get; set; }

        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateNotNull]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        public object GetDynamicParameters()
        {
            _fieldParameters = CreationFieldParameters.For(Toolkit, Type, AuthScheme, typeof(NewComposioAuthConfigCommand), out _toolkitNotFound);
            return _fieldParameters.Dictionary;
        }

        protected override void ProcessRecord()
        {
            var client = Client;
            var cache = ComposioSession.RequireToolkits();
            var toolkit = FetchToolkit(cache);
            CreateAuthConfigRequest request;
            CreateRequestBuilder builder;
            try
            {
                request = (builder = new CreateRequestBuilder
                {
                    Type = Type,
                    AuthScheme = AuthScheme,
                    Name = Name,
                    Credentials = Credentials,
                    Scope = Scope,
                    RedirectUri = RedirectUri,
                    ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
                    FieldParameters = _fieldParameters,
                }).Build(toolkit);
            }
            catch (InputErrorException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord());
                return;
            }
            if (Scope != null && builder.Scheme != null)
            {
                // Advice, before -WhatIf stops: the request still goes as given.
                var warning = ScopeCheck.Warning(builder.Scheme, Scope);
                if (warning != null)
                {
                    WriteWarning(warning);
                }
                WriteVerbose(ScopeCheck.Required(builder.Scheme, Scope));
            }

            if (!ShouldProcess(TargetText(request), ActionText(request)))
            {
                return;
            }

            AuthConfig created;
            try
            {
                created = Await(token => client.CreateAuthConfigAsync(request, token));
            }
            catch (ComposioException ex)
            {
                // The client's error already says how to check for a config a lost answer may have created.
                WriteError(ErrorRecords.From(ex, request.Name ?? request.Toolkit));
                return;
            }
            WriteVerbose($"Created auth config {created.Id} for toolkit '{created.Toolkit}'.");
            RecentAuthConfigs.Remember(client, created);

            try
            {
                WriteObject(Await(token => client.GetAuthConfigAsync(created.Id, token)));
            }
            catch (ComposioException ex)
            {
                // The config exists: never lose its id because the read-back failed.
                WriteWarning($"Auth config {created.Id} was created, but reading it back failed ({ex.Message}). The output holds only what the create answer said; Get-ComposioAuthConfig -Id {created.Id} shows the rest.");
                WriteObject(created);
            }
        }

        private Toolkit FetchToolkit(ToolkitCache cache)
        {
            if (_toolkitNotFound != null)
            {
                // Binding already asked for it (for the dynamic parameters): the answer was 404.
                ThrowTerminatingError(ToolkitErrors.Record(_toolkitNotFound, Toolkit, cache));
            }
            try
            {
                return Await(token => cache.GetAsync(Toolkit, token));
            }
            catch (ComposioException ex)
            {
                ThrowTerminatingError(ToolkitErrors.Record(ex, Toolkit, cache));
                throw; // Not reached: ThrowTerminatingError throws.
            }
        }

        private static string TargetText(CreateAuthConfigRequest request) =>
            request.Name != null ? $"'{request.Name}' (toolkit {request.Toolkit})" : $"toolkit {request.Toolkit}";

        /// <summary>Names the credential fields sent, never their values.</summary>
        private static string ActionText(CreateAuthConfigRequest request)
        {
            var kind = request.Type == AuthConfigType.Custom ? $"custom {request.AuthScheme}" : "Composio-managed";
            var fields = request.Credentials == null || request.Credentials.Count == 0
                ? string.Empty
                : " with credential fields " + string.Join(", ", request.Credentials.Keys.OrderBy(k => k, StringComparer.Ordinal));
            return $"Create {kind} auth config{fields}";
        }
    }
}
