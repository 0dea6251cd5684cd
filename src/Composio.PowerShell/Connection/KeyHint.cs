using Composio.Client.Redaction;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// A hint that tells two API keys apart and reveals little: the key's short prefix (`ak_`)
    /// and its last 4 characters (`ak_…x7Qp`), nothing of a key too short to spare them.
    /// </summary>
    internal static class KeyHint
    {
        private const int Shown = 4;
        private const int MinimumLength = 12;

        public static string Of(string key)
        {
            if (string.IsNullOrEmpty(key) || key.Length < MinimumLength)
            {
                return SecretNames.Mask;
            }
            var underscore = key.IndexOf('_');
            var prefix = underscore > 0 && underscore <= 3 ? key.Substring(0, underscore + 1) : string.Empty;
            return prefix + "…" + key.Substring(key.Length - Shown);
        }
    }
}
