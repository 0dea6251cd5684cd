using System;
using System.Net;
using Composio.Client.Errors;

namespace Composio.Client.Http
{
    /// <summary>Refuses settings that would send the API key in the clear to another machine.</summary>
    internal static class EndpointSecurity
    {
        public static void Check(ComposioClientOptions options)
        {
            var uri = options.BaseUri;
            if (uri == null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ComposioException("InvalidBaseUri", ComposioErrorKind.Configuration,
                    $"The base URI '{uri}' must be an absolute https:// URI, e.g. '{ComposioClientOptions.DefaultBaseUri}'.")
                { Target = uri?.ToString() };
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowInsecureHttp && !IsLoopback(uri))
            {
                throw new ComposioException("InsecureBaseUri", ComposioErrorKind.Configuration,
                    $"Refusing to send the API key over plain http:// to '{uri.Host}'. Use an https:// URI, or allow it explicitly (-AllowInsecureHttp, or COMPOSIO_ALLOW_INSECURE_HTTP=1).")
                { Target = uri.ToString() };
            }
            if (options.ApiVersion != "v3" && options.ApiVersion != "v3.1")
            {
                throw new ComposioException("InvalidApiVersion", ComposioErrorKind.Configuration,
                    $"API version '{options.ApiVersion}' is not supported; use 'v3.1' (default) or 'v3'.")
                { Target = options.ApiVersion };
            }
            if (string.IsNullOrEmpty(options.ApiKey))
            {
                throw new ComposioException("ApiKeyMissing", ComposioErrorKind.Configuration,
                    "No Composio API key. Run Connect-Composio -ApiKey (Read-Host -AsSecureString), or set COMPOSIO_API_KEY.");
            }
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
