using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Picks the auth scheme a command means from what the toolkit offers, and says which ones
    /// exist when the choice is not valid.
    /// </summary>
    internal static class AuthSchemes
    {
        /// <summary>Every scheme the toolkit offers, uppercase, in the toolkit's order.</summary>
        public static string[] Offered(Toolkit toolkit) =>
            toolkit.AuthSchemes
                .Concat((toolkit.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>()).Select(d => d.AuthScheme))
                .Where(s => !string.IsNullOrEmpty(s))
                .Select(s => s.ToUpperInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToArray();

        /// <summary>The scheme's details (with its fields); a scheme listed without details has no fields.</summary>
        public static AuthSchemeDetail Detail(Toolkit toolkit, string scheme) =>
            (toolkit.AuthConfigDetails ?? Array.Empty<AuthSchemeDetail>())
                .FirstOrDefault(d => string.Equals(d.AuthScheme, scheme, StringComparison.OrdinalIgnoreCase))
            ?? new AuthSchemeDetail { Toolkit = toolkit.Slug, AuthScheme = scheme.ToUpperInvariant() };

        /// <summary>For dynamic parameters: the scheme the command line points at, or null. Never throws.</summary>
        public static AuthSchemeDetail? Guess(Toolkit toolkit, AuthConfigType type, string? scheme)
        {
            var offered = Offered(toolkit);
            if (!string.IsNullOrEmpty(scheme))
            {
                return offered.Contains(scheme!.ToUpperInvariant()) ? Detail(toolkit, scheme) : null;
            }
            var candidates = type == AuthConfigType.ComposioManaged ? toolkit.ComposioManagedAuthSchemes : offered;
            return candidates.Length == 1 ? Detail(toolkit, candidates[0]) : null;
        }

        /// <summary>
        /// For New-ComposioAuthConfig: custom auth needs an offered scheme; managed auth needs the
        /// toolkit to offer managed auth (for the scheme, when one is given). Null for managed auth
        /// with no scheme given and several managed ones (the server picks).
        /// </summary>
        public static AuthSchemeDetail? ForCreate(Toolkit toolkit, AuthConfigType type, string? scheme)
        {
            var offered = Offered(toolkit);
            if (!string.IsNullOrEmpty(scheme))
            {
                Require(toolkit, scheme!, offered);
            }
            if (type == AuthConfigType.Custom)
            {
                if (string.IsNullOrEmpty(scheme))
                {
                    throw ErrorCatalog.AuthSchemeRequired.Saying(
                        $"-Type Custom needs -AuthScheme. Toolkit '{toolkit.Slug}' offers: {List(offered)}.", toolkit.Slug, "AuthScheme",
                        offered.Length == 0 ? null : $"Add -AuthScheme {offered[0]} (or another of: {List(offered)}).");
                }
                return Detail(toolkit, scheme!);
            }

            var managed = toolkit.ComposioManagedAuthSchemes;
            if (managed.Length == 0 || (!string.IsNullOrEmpty(scheme) && !managed.Contains(scheme!.ToUpperInvariant())))
            {
                var what = string.IsNullOrEmpty(scheme) ? "managed auth" : $"managed auth for scheme '{scheme!.ToUpperInvariant()}'";
                var managedNote = managed.Length == 0 ? string.Empty : $" Managed auth is offered for: {List(managed)}.";
                var suggested = offered.Length == 0 ? "<scheme>" : string.IsNullOrEmpty(scheme) ? offered[0] : scheme!.ToUpperInvariant();
                throw ErrorCatalog.ManagedAuthNotOffered.At(toolkit.Slug, "Type", toolkit.Slug, what, managedNote, List(offered), suggested);
            }
            if (!string.IsNullOrEmpty(scheme))
            {
                return Detail(toolkit, scheme!);
            }
            return managed.Length == 1 ? Detail(toolkit, managed[0]) : null;
        }

        /// <summary>For Get-ComposioAuthConfigField: the given scheme, or the toolkit's only one.</summary>
        public static AuthSchemeDetail ForFields(Toolkit toolkit, string? scheme)
        {
            var offered = Offered(toolkit);
            if (!string.IsNullOrEmpty(scheme))
            {
                Require(toolkit, scheme!, offered);
                return Detail(toolkit, scheme!);
            }
            if (offered.Length == 1)
            {
                return Detail(toolkit, offered[0]);
            }
            throw ErrorCatalog.AuthSchemeRequired.Saying(
                offered.Length == 0
                    ? $"Toolkit '{toolkit.Slug}' offers no auth scheme."
                    : $"Toolkit '{toolkit.Slug}' offers several auth schemes; choose one with -AuthScheme: {List(offered)}.",
                toolkit.Slug, "AuthScheme");
        }

        private static void Require(Toolkit toolkit, string scheme, IReadOnlyCollection<string> offered)
        {
            if (!offered.Contains(scheme.ToUpperInvariant()))
            {
                throw ErrorCatalog.AuthSchemeNotSupported.At(toolkit.Slug, "AuthScheme", toolkit.Slug, scheme, List(offered));
            }
        }

        internal static string List(IEnumerable<string> values)
        {
            var text = string.Join(", ", values);
            return text.Length == 0 ? "(none)" : text;
        }
    }
}
