using System;
using System.Net;
using Composio.Client.Errors;

namespace Composio.Client
{
    /// <summary>
    /// Everything a <see cref="ComposioClient"/> needs to reach one Composio project, and the one
    /// place those settings are checked (<see cref="Validate"/>).
    /// </summary>
    public sealed class ComposioClientOptions
    {
        public const string DefaultBaseUri = "https://backend.composio.dev";
        public const string DefaultApiVersion = "v3.1";

        /// <summary>The environment variables the official SDKs read; so do we.</summary>
        public const string ApiKeyVariable = "COMPOSIO_API_KEY";
        public const string UserApiKeyVariable = "COMPOSIO_USER_API_KEY";
        public const string BaseUriVariable = "COMPOSIO_BASE_URL";
        public const string AllowInsecureHttpVariable = "COMPOSIO_ALLOW_INSECURE_HTTP";

        private static readonly Uri s_defaultBaseUri = new Uri(DefaultBaseUri);
        private Uri? _baseUri;

        /// <summary>
        /// The API's address. Once set (even to the default), <see cref="WithEnvironment"/> leaves it
        /// alone: a command line's explicit choice always wins over COMPOSIO_BASE_URL.
        /// </summary>
        public Uri BaseUri
        {
            get => _baseUri ?? s_defaultBaseUri;
            set => _baseUri = value;
        }

        /// <summary>The project API key (`ak_...`), sent as `x-api-key`. Never logged.</summary>
        public string ApiKey { get; set; } = string.Empty;

        /// <summary>
        /// A user's API key (the CLI's), sent as `x-user-api-key` instead of the project key: the
        /// spec accepts it on every auth-config operation and on toolkit list and retrieve. Never
        /// logged. Exactly one of <see cref="ApiKey"/> and this is set (the service refuses both).
        /// </summary>
        public string UserApiKey { get; set; } = string.Empty;

        /// <summary>The credential every request carries: the user key when set, else the project key.</summary>
        public string Credential => string.IsNullOrEmpty(UserApiKey) ? ApiKey : UserApiKey;

        /// <summary>The header <see cref="Credential"/> goes in.</summary>
        public string CredentialHeader => string.IsNullOrEmpty(UserApiKey) ? "x-api-key" : "x-user-api-key";

        /// <summary>Set by <see cref="WithEnvironment"/> when the key had surrounding whitespace (a file read with Get-Content -Raw) that was removed.</summary>
        public bool ApiKeyWasTrimmed { get; private set; }

        /// <summary>Path prefix after /api/: "v3.1" (current) or "v3" (older, same shapes).</summary>
        public string ApiVersion { get; set; } = DefaultApiVersion;

        /// <summary>Retries after the first attempt for requests that are safe to repeat.</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>Time allowed for one attempt (connect, send and read the answer).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Default of <see cref="MaxResponseBytes"/>: 8 MiB, far above any real answer (a page of 50 toolkits is ~100 KiB).</summary>
        public const long DefaultMaxResponseBytes = 8L * 1024 * 1024;

        /// <summary>Largest answer body read; a larger one is `ComposioResponseTooLarge`, never buffered whole.</summary>
        public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        /// <summary>Allow sending the key over plain http:// to a non-loopback host.</summary>
        public bool AllowInsecureHttp { get; set; }

        public string UserAgent { get; set; } = "Composio-PowerShell";

        /// <summary>Upper bound of one backoff wait between retries.</summary>
        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

        /// <summary>First backoff wait; doubles each retry up to <see cref="MaxBackoff"/>.</summary>
        public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The clock of retry waits, attempt timeouts and the shared pause: tests give a fake one, so waits are asserted, not slept.</summary>
        internal TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>
        /// Largest page asked of a listing. 50 on both versions: v3.1 allows no more, and a server
        /// asked for more has been seen to clamp the page yet count pages by the request, losing items.
        /// </summary>
        public int MaxPageSize => 50;

        /// <summary>
        /// Fills from the environment only what was not given: the key when <see cref="ApiKey"/> is
        /// empty, the base URI when <see cref="BaseUri"/> was never set, the insecure-http opt-in.
        /// Trims whitespace around the key (see <see cref="ApiKeyWasTrimmed"/>).
        /// </summary>
        public ComposioClientOptions WithEnvironment()
        {
            if (string.IsNullOrEmpty(ApiKey) && string.IsNullOrEmpty(UserApiKey))
            {
                ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? string.Empty;
                // As the official client: the user key from the environment only when there is no project key.
                if (string.IsNullOrEmpty(ApiKey))
                {
                    UserApiKey = Environment.GetEnvironmentVariable(UserApiKeyVariable) ?? string.Empty;
                }
            }
            var trimmed = ApiKey.Trim();
            var trimmedUser = UserApiKey.Trim();
            ApiKeyWasTrimmed = trimmed.Length != ApiKey.Length || trimmedUser.Length != UserApiKey.Length;
            ApiKey = trimmed;
            UserApiKey = trimmedUser;
            var baseUri = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (!string.IsNullOrEmpty(baseUri) && _baseUri == null)
            {
                if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var parsed))
                {
                    // Not quoted: an unparsable value may still hold a password.
                    throw new ComposioException("InvalidBaseUri", ComposioErrorKind.Configuration,
                        $"{BaseUriVariable} is not an absolute URI; set it like '{DefaultBaseUri}'.")
                    { Target = BaseUriVariable };
                }
                BaseUri = parsed;
            }
            var insecure = Environment.GetEnvironmentVariable(AllowInsecureHttpVariable);
            if (insecure == "1" || string.Equals(insecure, "true", StringComparison.OrdinalIgnoreCase))
            {
                AllowInsecureHttp = true;
            }
            return this;
        }

        /// <summary>
        /// Refuses settings that cannot work or would leak the key: no key, a base URI that is not
        /// absolute http(s), plain http:// to another machine without the opt-in, an unknown API version.
        /// </summary>
        public void Validate()
        {
            var uri = BaseUri;
            if (uri == null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                var shown = uri == null ? null : Shown(uri);
                throw new ComposioException("InvalidBaseUri", ComposioErrorKind.Configuration,
                    $"The base URI '{shown}' must be an absolute https:// URI, e.g. '{DefaultBaseUri}'.")
                { Target = shown };
            }
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // Refused rather than stripped: a password in a URI would otherwise sit in scripts and
                // logs, believed to be in use. The message shows the URI without it.
                throw new ComposioException("BaseUriHasUserInfo", ComposioErrorKind.Configuration,
                    $"The base URI '{Shown(uri)}' was given with a user name or password ('user:password@'), which is refused and never shown. The API key is given on its own (or in {ApiKeyVariable}); give the URI without them.")
                { Target = Shown(uri) };
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !AllowInsecureHttp && !IsLoopback(uri))
            {
                throw new ComposioException("InsecureBaseUri", ComposioErrorKind.Configuration,
                    $"Refusing to send the API key over plain http:// to '{uri.Host}'. Use an https:// URI, or opt in to insecure http ({AllowInsecureHttpVariable}=1).")
                { Target = uri.ToString() };
            }
            if (ApiVersion != "v3" && ApiVersion != "v3.1")
            {
                throw new ComposioException("InvalidApiVersion", ComposioErrorKind.Configuration,
                    $"API version '{ApiVersion}' is not supported; use 'v3.1' (default) or 'v3'.")
                { Target = ApiVersion };
            }
            if (!string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(UserApiKey))
            {
                throw new ComposioException("ApiKeyConflict", ComposioErrorKind.Configuration,
                    "Give a project API key or a user API key, not both: the service refuses a request that carries two credentials.");
            }
            if (string.IsNullOrEmpty(Credential))
            {
                throw new ComposioException("ApiKeyMissing", ComposioErrorKind.Configuration,
                    $"No Composio API key was given, and {ApiKeyVariable} is not set.");
            }
            // A header value with CR/LF would inject a header, or the handler would drop it silently.
            var key = Credential;
            for (var i = 0; i < key.Length; i++)
            {
                if (char.IsControl(key[i]) || (char.IsWhiteSpace(key[i]) && (i == 0 || i == key.Length - 1)))
                {
                    throw new ComposioException("InvalidApiKey", ComposioErrorKind.Configuration,
                        $"The API key holds a control character or whitespace (character {i + 1} of {key.Length}); a key is one line of letters, digits and '_'. Check how it was read (e.g. Get-Content -Raw keeps line breaks).");
                }
            }
        }

        /// <summary>A URI as messages may show it: without user name and password.</summary>
        public static string Shown(Uri uri)
        {
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo))
            {
                return uri.ToString();
            }
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
        }

        internal static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
