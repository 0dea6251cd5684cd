using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Requests;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Turns what a change was given (Set-ComposioAuthConfig's parameters, a desired-state entry's
    /// differences) into the PATCH the client sends: the change list (field names only, for
    /// ShouldProcess), the checks (before the confirmation), and where scopes go, once:
    /// a Composio-managed config takes them top-level, a custom one in credentials.scopes.
    /// </summary>
    internal sealed class UpdateRequestBuilder
    {
        public const string ScopesField = "scopes";

        /// <summary>The new name; null leaves it.</summary>
        public string? Name { get; set; }
        /// <summary>Credential fields to merge into the stored ones (custom configs only).</summary>
        public IReadOnlyDictionary<string, object?>? Credentials { get; set; }
        public string[]? Scope { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        public string[]? ToolsAvailableForExecution { get; set; }
        public IReadOnlyDictionary<string, object?>? SharedCredentials { get; set; }
        public string[]? RestrictToTools { get; set; }
        public bool AllowUndeclaredFields { get; set; }

        /// <summary>Whether <see cref="Build"/> needs the config's toolkit and scheme (to check credential keys, to advise on scopes).</summary>
        public bool NeedsScheme => Credentials != null || Scope != null;

        /// <summary>
        /// The checks that need no server, and the change list: "name, credentials (client_secret), scopes".
        /// Throws NothingToSet, EmptyAuthConfigName, ScopeGivenTwice.
        /// </summary>
        public string Changes(string? target)
        {
            Name = WhitespaceRule.Name(Name, target, "keep the current one");
            if (Scope != null && Credentials != null && Credentials.Keys.Any(k => string.Equals(k, ScopesField, StringComparison.OrdinalIgnoreCase)))
            {
                throw ErrorCatalog.ScopeGivenTwice.At(target, "Scope");
            }
            var parts = new List<string>();
            if (Name != null)
            {
                parts.Add("name");
            }
            if (Credentials != null)
            {
                parts.Add("credentials (" + string.Join(", ", Credentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (Scope != null)
            {
                parts.Add("scopes");
            }
            if (ToolsForConnectedAccountCreation != null)
            {
                parts.Add("tools for connected account creation");
            }
            if (ToolsAvailableForExecution != null)
            {
                parts.Add("tools available for execution");
            }
            if (SharedCredentials != null)
            {
                // Names only: shared credentials are secrets every connection uses.
                parts.Add("shared credentials (" + string.Join(", ", SharedCredentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (RestrictToTools != null)
            {
                parts.Add("restricted tools");
            }
            if (parts.Count == 0)
            {
                throw ErrorCatalog.NothingToSet.New(target);
            }
            return string.Join(", ", parts);
        }

        /// <summary>The PATCH body for a config of <paramref name="type"/>, after the checks that need to know the config.</summary>
        /// <param name="toolkit">The config's toolkit, when its credential keys are to be checked; null sends them as given.</param>
        public UpdateAuthConfigRequest Build(string target, AuthConfigType type, Toolkit? toolkit, string? authScheme)
        {
            if (type == AuthConfigType.ComposioManaged && Credentials != null)
            {
                throw ErrorCatalog.CredentialsOnManagedUpdate.At(target, "Credentials", target);
            }
            if (type == AuthConfigType.Custom && RestrictToTools != null)
            {
                throw ErrorCatalog.RestrictToToolsOnCustomConfig.At(target, "RestrictToTools", target);
            }
            var credentials = Credentials == null ? null
                : toolkit != null && authScheme != null
                    ? new CredentialValidator(toolkit, AuthConfigType.Custom, AuthSchemes.Detail(toolkit, authScheme), AllowUndeclaredFields).Check(Credentials, target)
                    : Credentials.ToDictionary(c => c.Key, c => CredentialValidator.Value(c.Key, c.Value, target), StringComparer.Ordinal);
            var request = new UpdateAuthConfigRequest
            {
                Type = type,
                Name = Name,
                ToolsForConnectedAccountCreation = WhitespaceRule.List(ToolsForConnectedAccountCreation),
                ToolsAvailableForExecution = WhitespaceRule.List(ToolsAvailableForExecution),
                SharedCredentials = SharedCredentials?.ToDictionary(c => c.Key, c => CredentialValidator.Value(c.Key, c.Value, target), StringComparer.Ordinal),
                RestrictToFollowingTools = WhitespaceRule.List(RestrictToTools),
            };
            var scopes = Scope == null ? null : string.Join(",", WhitespaceRule.List(Scope)!);
            if (type == AuthConfigType.ComposioManaged)
            {
                request.Scopes = scopes;
            }
            else if (credentials != null || scopes != null)
            {
                credentials ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                if (scopes != null)
                {
                    credentials[ScopesField] = scopes;
                }
                request.Credentials = credentials;
            }
            return request;
        }
    }
}
