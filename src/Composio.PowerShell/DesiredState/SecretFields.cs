using System;
using System.Linq;
using Composio.Client.Redaction;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Which credential fields hold secrets: those the toolkit's scheme marks secret, and any
    /// named like a secret, token, key or password (the client's rule). Secret values never go
    /// in a desired-state file, and the server masks them on read.
    /// </summary>
    internal static class SecretFields
    {
        public static bool IsSecret(Toolkit? toolkit, string? scheme, string key)
        {
            if (SecretNames.IsSecretName(key))
            {
                return true;
            }
            if (toolkit == null || string.IsNullOrEmpty(scheme))
            {
                return false;
            }
            return AuthSchemes.Detail(toolkit, scheme!).AuthConfigCreationFields
                .Any(f => f.IsSecret && string.Equals(f.Name, key, StringComparison.Ordinal));
        }
    }
}
