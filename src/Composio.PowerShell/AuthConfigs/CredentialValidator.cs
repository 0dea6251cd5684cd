using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Errors;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// The one check of a config's credentials, whatever door they came through (New's parameters,
    /// a CSV row, Set's -Credentials, a desired-state file):
    /// <list type="bullet">
    /// <item>a custom config takes its scheme's declared creation fields; a key is matched to them
    /// case-insensitively and sent under the declared name (`CLIENT_ID` goes out as `client_id`);</item>
    /// <item>a Composio-managed config takes only scopes (a client id there is a forgotten `-Type Custom`);</item>
    /// <item>text values are trimmed (the whitespace rule: a CSV cell's stray space is never stored);</item>
    /// <item>a redirect URI is an absolute http(s) URI.</item>
    /// </list>
    /// With <c>allowUndeclared</c> (the scheme's metadata may lag) unknown keys are sent as given.
    /// </summary>
    internal sealed class CredentialValidator
    {
        /// <summary>What a Composio-managed config takes in its credentials.</summary>
        public static readonly IReadOnlyCollection<string> ManagedKeys = new[] { CredentialFields.Scopes, CredentialFields.UserScopes };


        private readonly Toolkit _toolkit;
        private readonly AuthConfigType _type;
        private readonly AuthSchemeDetail? _scheme;
        private readonly bool _allowUndeclared;

        public CredentialValidator(Toolkit toolkit, AuthConfigType type, AuthSchemeDetail? scheme, bool allowUndeclared)
        {
            _toolkit = toolkit;
            _type = type;
            _scheme = scheme;
            _allowUndeclared = allowUndeclared;
        }

        /// <summary>
        /// The keys this config may take, under their declared names; null when any key goes (also
        /// when the toolkit record had no auth_config_details: its fields are unknown, not none).
        /// </summary>
        private IReadOnlyCollection<string>? Declared =>
            _type == AuthConfigType.ComposioManaged ? ManagedKeys
            : _scheme == null || !AuthSchemes.Known(_toolkit) ? null
            // The spec's credentials name scopes and user_scopes for custom configs too, whatever the scheme declares.
            : _scheme.AuthConfigCreationFields.Select(f => f.Name).Concat(ManagedKeys).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>
        /// The whole table as it is sent: keys under their declared names, values by <see cref="Value"/>.
        /// Throws for keys the config cannot take (all of them named at once) and for a field given
        /// twice in two spellings.
        /// </summary>
        /// <param name="target">The item the credentials belong to, for the error.</param>
        public Dictionary<string, object?> Check(IEnumerable<KeyValuePair<string, object?>> values, string? target)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            var refused = new List<string>();
            foreach (var pair in values)
            {
                var key = Key(pair.Key);
                if (key == null)
                {
                    refused.Add(pair.Key);
                    continue;
                }
                if (result.ContainsKey(key))
                {
                    throw ErrorCatalog.DuplicateCredentialField.At(target, key, key, $"as '{pair.Key}' and under another spelling");
                }
                result[key] = Value(key, pair.Value, target);
            }
            if (refused.Count > 0)
            {
                throw Refused(refused, target);
            }
            return result;
        }

        /// <summary>The declared name of <paramref name="key"/>; the key as given when any key goes; null when the config cannot take it.</summary>
        public string? Key(string key)
        {
            var declared = Declared;
            var match = declared?.FirstOrDefault(d => string.Equals(d, key, StringComparison.OrdinalIgnoreCase));
            if (match != null || declared == null)
            {
                return match ?? key;
            }
            if (!_allowUndeclared)
            {
                return null;
            }
            // With the opt-out a managed config still refuses what some custom scheme declares: that is an app's own credential.
            return _type == AuthConfigType.ComposioManaged && AppFields().Contains(key) ? null : key;
        }

        /// <summary>The error for keys the config cannot take.</summary>
        /// <param name="optOut">How to send them anyway, where there is a way (a file has none).</param>
        public ComposioException Refused(IReadOnlyList<string> keys, string? target, string optOut = " Pass -AllowUndeclaredField to send it anyway.")
        {
            var field = string.Join(", ", keys);
            if (_type == AuthConfigType.ComposioManaged)
            {
                var offered = AuthSchemes.Offered(_toolkit);
                return ErrorCatalog.CredentialsOnManagedConfig.At(target, field,
                    AuthSchemes.List(keys), offered.Length > 0 ? " -AuthScheme " + offered[0] : string.Empty, _toolkit.Slug, offered.Length > 0 ? offered[0] : "<scheme>");
            }
            var declared = Declared ?? Array.Empty<string>();
            return ErrorCatalog.UndeclaredCredentialField.At(target, field,
                _scheme!.AuthScheme, _toolkit.Slug, AuthSchemes.List(keys), declared.Count == 0 ? "(none)" : AuthSchemes.List(declared), optOut);
        }

        /// <summary>
        /// A value as it is sent: text trimmed (one whitespace rule for parameters, CSV cells and
        /// files), a redirect URI checked. Other values pass unchanged.
        /// </summary>
        public static object? Value(string field, object? value, string? target)
        {
            if (!(value is string text))
            {
                return value;
            }
            text = text.Trim();
            if (string.Equals(field, CredentialFields.RedirectUri, StringComparison.Ordinal))
            {
                CheckRedirectUri(text, target);
            }
            return text;
        }

        public static void CheckRedirectUri(string text, string? target)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw ErrorCatalog.InvalidRedirectUri.At(target, CredentialFields.RedirectUri, text);
            }
        }

        private HashSet<string> AppFields() =>
            new HashSet<string>((_toolkit.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>())
                .SelectMany(d => d.AuthConfigCreationFields).Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
    }
}
