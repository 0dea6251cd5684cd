using System;
using System.Management.Automation;
using System.Security;
using Composio.Client;
using Composio.Client.Errors;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Pipeline;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Connect-Composio: makes a connection to one project (API key, base URI, API version,
    /// retries) and makes it this runspace's default. Writes it only with -PassThru, so a
    /// script's first output is its own.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Composio", DefaultParameterSetName = ProjectKeySet)]
    [OutputType(typeof(ComposioConnection))]
    public sealed class ConnectComposioCommand : ModuleCmdlet
    {
        private const string ProjectKeySet = "ProjectKey";
        private const string UserKeySet = "UserKey";

        /// <summary>The project API key. Defaults to $env:COMPOSIO_API_KEY.</summary>
        [Parameter(Position = 0, ParameterSetName = ProjectKeySet)]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>
        /// A user's API key (the Composio CLI's), sent as x-user-api-key instead of a project key;
        /// accepted by every auth-config operation and by toolkit list and retrieve.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = UserKeySet)]
        public SecureString? UserApiKey { get; set; }

        [Parameter]
        [ValidateNotNull]
        [RejectScriptBlock]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateSet("v3.1", "v3")]
        public string ApiVersion { get; set; } = ComposioClientOptions.DefaultApiVersion;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 2;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>The largest answer read from the server, in MiB; a larger one is ComposioResponseTooLarge.</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int MaxResponseSizeMB { get; set; } = (int)(ComposioClientOptions.DefaultMaxResponseBytes / (1024 * 1024));

        /// <summary>Allow plain http:// to a host other than this machine (the key travels in the clear).</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        /// <summary>Write the connection to the pipeline (to keep it for -Connection).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Do not check the key with a request now (offline set-up); a bad key then fails the first call.</summary>
        [Parameter]
        public SwitchParameter SkipCheck { get; set; }

        protected override void EndProcessing()
        {
            var options = new ComposioClientOptions
            {
                ApiKey = ApiKey != null ? PlainText.From(ApiKey) : string.Empty,
                UserApiKey = UserApiKey != null ? PlainText.From(UserApiKey) : string.Empty,
                ApiVersion = ApiVersion,
                MaxRetries = MaxRetries,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                AllowInsecureHttp = AllowInsecureHttp.IsPresent,
                MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024L,
            };
            if (BaseUri != null)
            {
                options.BaseUri = BaseUri;
            }
            ComposioConnection connection;
            try
            {
                options.WithEnvironment();
                Connections.NoteTrimmedKey(options, this);
                ForgiveVersionPath(options);
                options.Validate();
                connection = Connections.Open(options, this);
            }
            catch (ComposioException ex)
            {
                throw Terminate(ex);
            }
            if (!SkipCheck.IsPresent)
            {
                Check(connection);
            }
            DefaultConnection.Set(connection);
            Say($"Connected to {connection.BaseUri} (API {connection.ApiVersion}, key {connection.ApiKeyHint}).");
            if (PassThru.IsPresent)
            {
                WriteObject(connection);
            }
        }

        /// <summary>A base URI ending in /api/v3 or /api/v3.1 works as meant, with a Verbose note rather than a 404.</summary>
        private void ForgiveVersionPath(ComposioClientOptions options)
        {
            var given = options.BaseUri;
            var uri = BaseUriPath.WithoutVersion(given, out var version);
            if (version == null)
            {
                return;
            }
            options.BaseUri = uri;
            var note = $"The base URI '{given}' ends in the API path /api/{version}, which the module adds itself; using '{uri}'.";
            if (version != options.ApiVersion)
            {
                note += $" Requests go to API {options.ApiVersion}; pass -ApiVersion {version} for {version}.";
            }
            Say(note);
        }

        /// <summary>
        /// One cheap request (one auth config), so a wrong key or an unreachable server fails here,
        /// clearly, instead of at the first real call of a long script.
        /// </summary>
        private void Check(ComposioConnection connection)
        {
            try
            {
                Await(token => connection.Client.CheckAccessAsync(token));
            }
            catch (ComposioException ex)
            {
                throw Terminate(ex, connection.BaseUri);
            }
        }
    }
}
