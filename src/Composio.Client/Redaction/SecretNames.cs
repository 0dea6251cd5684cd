using System;
using System.Text.RegularExpressions;

namespace Composio.Client.Redaction
{
    /// <summary>Decides which credential fields hold secrets, from their name when no schema says so.</summary>
    public static class SecretNames
    {
        public const string Mask = "***";

        // `client_id` and `generic_id` are identifiers, not secrets; anything naming a secret,
        // password, token or key (api_key, generic_api_key, proxy_auth_key...) is.
        private static readonly Regex s_secretLike = new Regex(
            "(secret|password|passwd|token|api_?key|auth_?key|private_?key|_key$|^key$|credential|signing)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool IsSecretName(string? fieldName) =>
            !string.IsNullOrEmpty(fieldName) && s_secretLike.IsMatch(fieldName);
    }
}
