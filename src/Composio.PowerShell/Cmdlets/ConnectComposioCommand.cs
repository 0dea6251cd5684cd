using System;
using System.Management.Automation;
using System.Security;
using Composio.Client;
using Composio.Client.Errors;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Connect-Composio: sets the API key, base URI and API version every other cmdlet uses.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Composio")]
    [OutputType(typeof(ComposioConnectionInfo))]
    public sealed class ConnectComposioCommand : PSCmdlet
    {
        /// <summary>The project API key. Defaults to $env:COMPOSIO_API_KEY.</summary>
        [Parameter(Position = 0)]
        public SecureString? ApiKey { get; set; }

        [Parameter]
        [ValidateNotNull]
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

        /// <summary>Allow plain http:// to a host other than this machine (the key travels in the clear).</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        protected override void EndProcessing()
        {
            var key = ApiKey != null ? PlainText.From(ApiKey) : Environment.GetEnvironmentVariable("COMPOSIO_API_KEY");
            if (string.IsNullOrEmpty(key))
            {
                ThrowTerminatingError(ErrorRecords.Invalid("ApiKeyMissing",
                    "No API key: pass -ApiKey (for example -ApiKey (Read-Host -AsSecureString 'Composio API key')) or set COMPOSIO_API_KEY.",
                    null, ErrorCategory.InvalidArgument));
            }
            var options = new ComposioClientOptions
            {
                ApiKey = key!,
                ApiVersion = ApiVersion,
                MaxRetries = MaxRetries,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                AllowInsecureHttp = AllowInsecureHttp.IsPresent,
            };
            if (BaseUri != null)
            {
                options.BaseUri = BaseUri;
            }
            else
            {
                ComposioSession.FromEnvironment(options);
            }
            if (!BaseUri?.IsAbsoluteUri ?? false)
            {
                ThrowTerminatingError(ErrorRecords.Invalid("InvalidBaseUri", $"-BaseUri '{BaseUri}' must be an absolute https:// URI.", BaseUri));
            }

            try
            {
                HostVersion.Record(this);
                ComposioSession.Connect(options);
            }
            catch (ComposioException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
            }
            WriteVerbose($"Connected to {options.BaseUri} (API {options.ApiVersion}).");
            WriteObject(new ComposioConnectionInfo
            {
                BaseUri = options.BaseUri,
                ApiVersion = options.ApiVersion,
                ApiKeyHint = Hint(key!),
                MaxRetries = options.MaxRetries,
                TimeoutSec = TimeoutSec,
                AllowInsecureHttp = options.AllowInsecureHttp,
            });
        }

        private static string Hint(string key) => (key.Length > 8 ? key.Substring(0, 3) : string.Empty) + "***";
    }
}
