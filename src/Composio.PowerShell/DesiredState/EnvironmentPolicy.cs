using System;
using System.Linq;
using System.Management.Automation;
using Composio.Client;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Which environment variables a desired-state file may read, decided by the caller, never by
    /// the file (a file from a pull request must not copy GITHUB_TOKEN into a readable field):
    /// those named COMPOSIO_SECRET_*, and those the caller allows (Sync -AllowEnvironmentVariable,
    /// wildcards allowed). COMPOSIO_API_KEY never, whatever is allowed.
    /// </summary>
    internal sealed class EnvironmentPolicy
    {
        public const string Prefix = "COMPOSIO_SECRET_";
        private readonly WildcardPattern[] _allowed;

        public EnvironmentPolicy(string[]? allowed) =>
            _allowed = (allowed ?? Array.Empty<string>()).Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();

        public bool Allows(string variable) =>
            !string.Equals(variable, ComposioClientOptions.ApiKeyVariable, StringComparison.OrdinalIgnoreCase)
            && (variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || _allowed.Any(p => p.IsMatch(variable)));

        /// <summary>Why a variable is refused, for the file's error.</summary>
        public static string Rule =>
            $"a file may read only variables named {Prefix}*, and those the caller names in -AllowEnvironmentVariable; never {ComposioClientOptions.ApiKeyVariable}";
    }
}
