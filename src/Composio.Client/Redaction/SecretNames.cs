using System;
using System.Text.RegularExpressions;

namespace Composio.Client.Redaction
{
    /// <summary>Decides which credential fields hold secrets, from their name when no schema says so.</summary>
    public static class SecretNames
    {
        /// <summary>What the server and this module show instead of a secret; never a value to send.</summary>
        public const string Mask = "***";

        // `client_id` and `generic_id` are identifiers, not secrets; anything naming a secret,
        // password, token or key (api_key, generic_api_key, proxy_auth_key...) is.
        // Interpreted, not Compiled: it sees a few short field names per command, and compiling it
        // (Reflection.Emit, then JIT) cost a fresh process's first New about 18 ms.
        private static readonly Regex s_secretLike = new Regex(
            "(secret|password|passwd|token|api_?key|auth_?key|private_?key|_key$|^key$|credential|signing)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Inside credentials every value is masked in logs, but for these well-known fields that
        // never hold a secret: a Debug log that hides client_id cannot be used to check what was sent.
        // (generic_id is not here: twitter keeps a bearer token in it.)
        private static readonly string[] s_public = { "client_id", "oauth_redirect_uri", "redirect_uri", "scopes", "user_scopes" };

        public static bool IsSecretName(string? fieldName) =>
            !string.IsNullOrEmpty(fieldName) && s_secretLike.IsMatch(fieldName);

        /// <summary>A credential field known to hold no secret, shown as it is in Debug output.</summary>
        public static bool IsPublicField(string? fieldName) =>
            fieldName != null && Array.IndexOf(s_public, fieldName.ToLowerInvariant()) >= 0;
    }
}
