using System;
using System.Collections.Generic;
using System.Security;
using Composio.PowerShell.Binding;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Finds the value of a secret reference: the -Secret entry it names (a SecureString, read
    /// only at the moment it is needed, or a string), else the environment variable it names.
    /// A value that is the connection's own API key is refused, wherever it came from.
    /// </summary>
    internal sealed class SecretResolver
    {
        private readonly IReadOnlyDictionary<string, object> _secrets;
        private readonly Func<string, string?> _environment;
        private readonly string _path;
        private readonly string _apiKey;

        /// <param name="secrets">Name (case-insensitive) → SecureString or string.</param>
        /// <param name="path">The desired-state file, for the error of a refused reference.</param>
        /// <param name="apiKey">The connection's key: never a value of a reference.</param>
        public SecretResolver(IReadOnlyDictionary<string, object> secrets, string path, string apiKey, Func<string, string?>? environment = null)
        {
            _secrets = secrets;
            _path = path;
            _apiKey = apiKey;
            _environment = environment ?? Environment.GetEnvironmentVariable;
        }

        public string? Resolve(SecretReference reference)
        {
            var value = Find(reference);
            if (!string.IsNullOrEmpty(value) && string.Equals(value, _apiKey, StringComparison.Ordinal))
            {
                throw new DesiredStateFileException(_path, new DesiredStateProblem("DesiredStateApiKeyReferenced",
                    $"{reference.Source} holds the connection's own API key, which a file can never send anywhere; nothing was sent.", 0));
            }
            return value;
        }

        private string? Find(SecretReference reference)
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
