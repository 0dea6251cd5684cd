using System;

namespace Composio.Client
{
    /// <summary>Everything a <see cref="ComposioClient"/> needs to reach one Composio project.</summary>
    public sealed class ComposioClientOptions
    {
        public const string DefaultBaseUri = "https://backend.composio.dev";
        public const string DefaultApiVersion = "v3.1";

        public Uri BaseUri { get; set; } = new Uri(DefaultBaseUri);

        /// <summary>The project API key (`ak_...`), sent as `x-api-key`. Never logged.</summary>
        public string ApiKey { get; set; } = string.Empty;

        /// <summary>Path prefix after /api/: "v3.1" (current) or "v3" (older, same shapes).</summary>
        public string ApiVersion { get; set; } = DefaultApiVersion;

        /// <summary>Retries after the first attempt for requests that are safe to repeat.</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>Time allowed for one attempt (connect, send and read the answer).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Allow sending the key over plain http:// to a non-loopback host.</summary>
        public bool AllowInsecureHttp { get; set; }

        public string UserAgent { get; set; } = "Composio-PowerShell";

        /// <summary>Upper bound of one backoff wait between retries.</summary>
        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

        /// <summary>First backoff wait; doubles each retry up to <see cref="MaxBackoff"/>.</summary>
        public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Page size the API allows at most for this <see cref="ApiVersion"/>.</summary>
        public int MaxPageSize => ApiVersion == "v3" ? 1000 : 50;
    }
}
