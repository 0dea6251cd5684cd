using System;
using System.Linq;
using System.Net;
using Composio.Client.Errors;

namespace Composio.Client.Http
{
    /// <summary>
    /// Which proxy the API is reached through: the system's (HTTP_PROXY/HTTPS_PROXY, or Windows'
    /// settings), except that this machine is never proxied and NO_PROXY is honoured on every
    /// runtime. A plain http:// request through a proxy would hand the key to it in clear text: it is
    /// refused like any http:// to another machine.
    /// </summary>
    internal sealed class ProxyPolicy : IWebProxy
    {
        public const string NoProxyVariable = "NO_PROXY";
        private readonly IWebProxy? _system;
        private readonly string[] _noProxy;

        public ProxyPolicy(IWebProxy? system, string? noProxy)
        {
            _system = system;
            _noProxy = (noProxy ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Trim().ToLowerInvariant()).ToArray();
        }

        /// <summary>The policy for this process's proxy settings.</summary>
        public static ProxyPolicy FromEnvironment() =>
            new ProxyPolicy(WebRequest.DefaultWebProxy,
                Environment.GetEnvironmentVariable(NoProxyVariable) ?? Environment.GetEnvironmentVariable("no_proxy"));

        public ICredentials? Credentials
        {
            get => _system?.Credentials;
            set
            {
                if (_system != null)
                {
                    _system.Credentials = value;
                }
            }
        }

        public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? null : _system!.GetProxy(destination);

        public bool IsBypassed(Uri host)
        {
            if (_system == null || ComposioClientOptions.IsLoopback(host) || InNoProxy(host))
            {
                return true;
            }
            var proxy = _system.GetProxy(host);
            return _system.IsBypassed(host) || proxy == null || proxy == host;
        }

        /// <summary>Refuses an http:// base URI that would travel through a proxy, unless insecure http was opted in.</summary>
        public void Check(ComposioClientOptions options)
        {
            var uri = options.BaseUri;
            if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowInsecureHttp && !IsBypassed(uri))
            {
                throw new ComposioException("InsecureBaseUri", ComposioErrorKind.Configuration,
                    $"Refusing to send the API key over plain http:// to '{uri.Host}' through the proxy {ComposioClientOptions.Shown(_system!.GetProxy(uri)!)}: the proxy would read it. Use an https:// URI, set NO_PROXY, or opt in to insecure http ({ComposioClientOptions.AllowInsecureHttpVariable}=1).")
                { Target = uri.Host };
            }
        }

        /// <summary>NO_PROXY as curl reads it: `*` for all, a host, a domain (`example.com` or `.example.com` covers its subdomains), an optional `:port`.</summary>
        private bool InNoProxy(Uri uri)
        {
            var host = uri.IdnHost.Trim('[', ']').ToLowerInvariant();
            foreach (var entry in _noProxy)
            {
                if (entry == "*")
                {
                    return true;
                }
                var name = entry;
                var colon = name.LastIndexOf(':');
                if (colon > 0 && name.IndexOf(']') < colon && int.TryParse(name.Substring(colon + 1), out var port))
                {
                    if (port != uri.Port)
                    {
                        continue;
                    }
                    name = name.Substring(0, colon);
                }
                name = name.Trim('[', ']').TrimStart('*').TrimStart('.');
                if (name.Length > 0 && (host == name || host.EndsWith("." + name, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
