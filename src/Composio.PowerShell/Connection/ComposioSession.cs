using System;
using System.Runtime.InteropServices;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Toolkits;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// The connection the cmdlets use: set by Connect-Composio, or made on first use from
    /// COMPOSIO_API_KEY / COMPOSIO_BASE_URL, as the official SDKs read them.
    /// </summary>
    internal static class ComposioSession
    {
        private static readonly object s_gate = new object();
        private static ComposioClient? s_client;
        private static ToolkitCache? s_toolkits;

        /// <summary>How long toolkit metadata is trusted before it is fetched again.</summary>
        public static readonly TimeSpan ToolkitCacheAge = TimeSpan.FromHours(24);

        /// <summary>"PowerShell 7.6.9": set by the first cmdlet that connects, for the User-Agent.</summary>
        public static string HostDescription { get; set; } = "PowerShell";

        public static ComposioClient? Current
        {
            get { lock (s_gate) { return s_client; } }
        }

        public static ComposioClient Connect(ComposioClientOptions options)
        {
            options.UserAgent = UserAgent();
            var client = new ComposioClient(options);
            var toolkits = new ToolkitCache(client, ToolkitCache.DefaultRootFolder(), ToolkitCacheAge);
            lock (s_gate)
            {
                s_client?.Dispose();
                s_client = client;
                s_toolkits = toolkits;
            }
            return client;
        }

        public static bool Disconnect()
        {
            lock (s_gate)
            {
                var had = s_client != null;
                s_client?.Dispose();
                s_client = null;
                s_toolkits = null;
                return had;
            }
        }

        /// <summary>The toolkit cache of the current connection, connecting from the environment if need be.</summary>
        public static ToolkitCache RequireToolkits()
        {
            Require();
            lock (s_gate)
            {
                return s_toolkits!;
            }
        }

        /// <summary>For completers: the toolkit cache, or null when there is no way to connect. Never throws.</summary>
        public static ToolkitCache? TryToolkits()
        {
            try
            {
                return RequireToolkits();
            }
            catch (ComposioException)
            {
                return null;
            }
        }

        /// <summary>The current client, connecting from the environment if need be.</summary>
        public static ComposioClient Require()
        {
            var current = Current;
            if (current != null)
            {
                return current;
            }
            var key = Environment.GetEnvironmentVariable("COMPOSIO_API_KEY");
            if (string.IsNullOrEmpty(key))
            {
                throw new ComposioException("NotConnected", ComposioErrorKind.Configuration,
                    "Not connected to Composio. Run Connect-Composio (it prompts for the API key, or takes -ApiKey), or set the COMPOSIO_API_KEY environment variable.");
            }
            return Connect(FromEnvironment(new ComposioClientOptions { ApiKey = key! }));
        }

        /// <summary>Fills what the environment says and the options do not.</summary>
        public static ComposioClientOptions FromEnvironment(ComposioClientOptions options)
        {
            var baseUri = Environment.GetEnvironmentVariable("COMPOSIO_BASE_URL");
            if (!string.IsNullOrEmpty(baseUri) && options.BaseUri.ToString().TrimEnd('/') == ComposioClientOptions.DefaultBaseUri)
            {
                if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var parsed))
                {
                    throw new ComposioException("InvalidBaseUri", ComposioErrorKind.Configuration,
                        $"COMPOSIO_BASE_URL '{baseUri}' is not an absolute URI.")
                    { Target = baseUri };
                }
                options.BaseUri = parsed;
            }
            var insecure = Environment.GetEnvironmentVariable("COMPOSIO_ALLOW_INSECURE_HTTP");
            if (insecure == "1" || string.Equals(insecure, "true", StringComparison.OrdinalIgnoreCase))
            {
                options.AllowInsecureHttp = true;
            }
            return options;
        }

        private static string UserAgent()
        {
            var version = typeof(ComposioSession).Assembly.GetName().Version;
            var module = version == null ? "0.0.0" : $"{version.Major}.{version.Minor}.{version.Build}";
            return $"Composio-PowerShell/{module} ({HostDescription}; {RuntimeInformation.OSDescription.Trim()})";
        }
    }
}
