using System;

namespace Composio.PowerShell.Connection
{
    /// <summary>What Connect-Composio connected to. The key is shown only as a hint.</summary>
    public sealed class ComposioConnectionInfo
    {
        public Uri BaseUri { get; set; } = new Uri("https://backend.composio.dev");
        public string ApiVersion { get; set; } = "v3.1";
        /// <summary>The first characters of the key and `***`, never the key.</summary>
        public string ApiKeyHint { get; set; } = "***";
        public int MaxRetries { get; set; }
        public int TimeoutSec { get; set; }
        public bool AllowInsecureHttp { get; set; }
    }
}
