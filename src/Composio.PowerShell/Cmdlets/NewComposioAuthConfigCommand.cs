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
    public sealed class NewComposioAuthConfigCommand : BulkCommand, IDynamicParameters
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

        /// <summary>Sent as one comma-joined string in credentials.scopes.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
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
            _fieldParameters = CreationFieldParameters.For(Connection, Toolkit, Type, AuthScheme, typeof(NewComposioAuthConfigCommand), out _toolkitNotFound);
            return _fieldParameters.Dictionary;
        }

        protected override void ProcessRecord()
        {
            var connection = ItemConnection();
            CreateAuthConfigRequest request;
            try
            {
                var toolkit = FetchToolkit(connection.Toolkits);
                request = new CreateRequestBuilder
                {
                    Type = Type,
                    AuthScheme = AuthScheme,
                    Name = Name,
                    Credentials = Credentials,
                    Scope = Scope,
                    RedirectUri = RedirectUri,
                    ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
                    FieldParameters = _fieldParameters,
                }.Build(toolkit);
            }
            catch (ComposioException ex)
            {
                Dispatch(ex.Target ?? Toolkit, ex);
                return;
            }

            if (!ShouldProcessItem(TargetText(request), ActionText(request)))
            {
                return;
            }

            // An unclear outcome's error says how to check for a config the lost answer may have created.
            Dispatch(request.Name ?? request.Toolkit, async token =>
            {
                var created = await connection.Client.CreateAuthConfigAsync(request, token).ConfigureAwait(false);
                connection.Seen.Remember(created);
                try
                {
                    return new Created(created, await connection.Client.GetAuthConfigAsync(created.Id, token).ConfigureAwait(false), null);
                }
                catch (ComposioException ex)
                {
                    // The config exists: never lose its id because the read-back failed.
                    return new Created(created, null, ex);
                }
            }, result =>
            {
                if (result.ReadBackFailure != null)
                {
                    WriteWarning($"Auth config {result.Made.Id} was created, but reading it back failed ({result.ReadBackFailure.Message}). The output holds only what the create answer said; Get-ComposioAuthConfig -Id {result.Made.Id} shows the rest.");
                }
                Emit(result.Current ?? result.Made, connection);
            });
        }

        /// <summary>The toolkit's metadata (cached); an unknown toolkit is a ToolkitNotFound naming similar ones.</summary>
        private Toolkit FetchToolkit(ToolkitCache cache)
        {
            if (_toolkitNotFound != null)
            {
                // Binding already asked for it (for the dynamic parameters): the answer was 404.
                throw ToolkitErrors.Describe(_toolkitNotFound, Toolkit, cache);
            }
            try
            {
                return Await(token => cache.GetAsync(Toolkit, token));
            }
            catch (ComposioException ex)
            {
                throw ToolkitErrors.Describe(ex, Toolkit, cache);
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

        /// <summary>What one create's work item hands back: the create's answer, the read-back, or why the read-back failed.</summary>
        private sealed class Created
        {
            public Created(AuthConfig made, AuthConfig? current, ComposioException? readBackFailure)
            {
                Made = made;
                Current = current;
                ReadBackFailure = readBackFailure;
            }

            public AuthConfig Made { get; }
            public AuthConfig? Current { get; }
            public ComposioException? ReadBackFailure { get; }
        }
    }
}
