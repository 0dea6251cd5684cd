using System;
using System.Linq;
using Composio.Client.Redaction;
using Composio.PowerShell.DesiredState;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Fully masks (`***`) the credential values the toolkit marks secret before an auth config is
    /// written out, so objects, CSV and JSON never hold a part of one. The server masks such a
    /// value only partly (twitter's `generic_id`, a bearer token, showed its first characters) and
    /// lists only the connection fields in the config, so the toolkit's creation fields decide.
    /// </summary>
    internal static class ToolkitSecretMask
    {
        /// <param name="toolkit">The config's toolkit, asked only when a value might be secret; null when it cannot be had (then every such value is masked).</param>
        public static void Apply(AuthConfig config, Func<Toolkit?> toolkit)
        {
            var open = config.Credentials
                .Where(p => p.Value != null && !Equals(p.Value, SecretNames.Mask) && !SecretNames.IsPublicField(p.Key))
                .Select(p => p.Key)
                .ToList();
            if (open.Count == 0)
            {
                return;
            }
            var known = toolkit();
            foreach (var key in open)
            {
                if (known == null || SecretFields.IsSecret(known, config.AuthScheme, key))
                {
                    config.Credentials[key] = SecretNames.Mask;
                }
            }
        }
    }
}
