using System;
using Composio.Client;
using Composio.Client.Json;
using Composio.Client.Toolkits;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// One Composio project as the cmdlets reach it: the client (key, base URI, retries), its
    /// toolkit cache, the auth configs seen through it, the toolkit categories and each toolkit's tools. Everything the
    /// module knows about a project lives here, so several connections never share state.
    /// Every object a cmdlet emits carries the connection it came from (see <see cref="OutputStamp"/>).
    /// </summary>
    public sealed class ComposioConnection
    {
        /// <summary>How long toolkit metadata is trusted before it is fetched again.</summary>
        internal static readonly TimeSpan ToolkitCacheAge = TimeSpan.FromHours(24);

        internal ComposioConnection(ComposioClientOptions options, string userAgent)
        {
            options.UserAgent = userAgent;
            Loading.RuntimeFacts.Current.PrepareHttp();
            Client = new ComposioClient(options);
            // While Connect-Composio's key check is on the wire, the serializers of the first
            // commands are built on a pool thread rather than in the first create.
            _ = SerializerWarmup.Start();
            Toolkits = new ToolkitCache(Client, ToolkitCache.DefaultRootFolder(), ToolkitCacheAge);
            Seen = new SeenAuthConfigs();
            Categories = new RecentLists<ToolkitCategory>((_, token) => Client.WalkToolkitCategories().ReadAllAsync(token), TimeSpan.FromMinutes(10));
            Tools = new RecentLists<Tool>((toolkit, token) => Client.WalkTools(toolkit).ReadAllAsync(token), ToolkitCacheAge);
            // A user key is marked as one: two connections to one project may differ only in that.
            ApiKeyHint = string.IsNullOrEmpty(options.UserApiKey) ? KeyHint.Of(options.ApiKey) : "user key " + KeyHint.Of(options.UserApiKey);
            ConnectedAt = DateTime.Now;
        }

        public Uri BaseUri => Client.Options.BaseUri;

        public string ApiVersion => Client.Options.ApiVersion;

        /// <summary>Tells projects apart without revealing the key (project or user key): at most its last 4 characters.</summary>
        public string ApiKeyHint { get; }

        public int MaxRetries => Client.Options.MaxRetries;

        public int TimeoutSec => (int)Client.Options.Timeout.TotalSeconds;

        public bool AllowInsecureHttp => Client.Options.AllowInsecureHttp;

        /// <summary>The largest answer read from the server (Connect-Composio -MaxResponseSizeMB).</summary>
        public int MaxResponseSizeMB => (int)(Client.Options.MaxResponseBytes / (1024 * 1024));

        public DateTime ConnectedAt { get; }

        internal ComposioClient Client { get; }

        internal ToolkitCache Toolkits { get; }

        internal SeenAuthConfigs Seen { get; }

        /// <summary>The toolkit categories (one list, key ""), for -Category completion.</summary>
        internal RecentLists<ToolkitCategory> Categories { get; }

        /// <summary>Each toolkit's tools by slug, for the tool-list parameters' completion; kept as long as toolkit metadata.</summary>
        internal RecentLists<Tool> Tools { get; }

        /// <summary>What Format-List and CSV show for an object's connection: the project, never the key.</summary>
        public override string ToString() => $"{ApiKeyHint} at {BaseUri.GetLeftPart(UriPartial.Authority)}";
    }
}
