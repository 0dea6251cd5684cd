using System;
using System.Collections.Generic;
using System.Security;
using Composio.PowerShell.Binding;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Finds the value of a secret reference: the -Secret entry it names (a SecureString, read
    /// only at the moment it is needed, or a string), else the environment variable it names.
    /// </summary>
    internal sealed class SecretResolver
    {
        private readonly IReadOnlyDictionary<string, object> _secrets;
        private readonly Func<string, string?> _environment;

        /// <param name="secrets">Name (case-insensitive) → SecureString or string.</param>
        public SecretResolver(IReadOnlyDictionary<string, object> secrets, Func<string, string?>? environment = null)
        {
            _secrets = secrets;
            _environment = environment ?? Environment.GetEnvironmentVariable;
        }

        public string? Resolve(SecretReference reference)
        {
            if (reference.Secret != null && _secrets.TryGetValue(reference.Secret, out var given))
            {
                var text = given is SecureString secure ? PlainText.From(secure) : given as string;
                if (!string.IsNullOrEmpty(text))
                {
                    return text;
                }
            }
            return reference.Env == null ? null : _environment(reference.Env);
        }
    }
}
