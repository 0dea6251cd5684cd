using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Composio.Client.Errors;
using Composio.Client.Redaction;
using Composio.Client.Requests;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Compares a desired-state file with the project's configs and plans the steps that make the
    /// project match: create what is missing, patch only the fields that differ, fix the enabled
    /// state, and (with prune) remove what the file's prune scope covers but the file does not
    /// declare. Never touches a config whose identity is ambiguous. Knows nothing of PowerShell
    /// and sends nothing: the cmdlet carries the plan out.
    /// </summary>
    internal sealed class SyncPlanner
    {
        private readonly IReadOnlyDictionary<string, Toolkit> _toolkits;
        private readonly Func<SecretReference, string?> _resolveSecret;

        /// <param name="toolkits">Every toolkit the file names, by lowercase slug.</param>
        /// <param name="resolveSecret">A reference's value, or null when it has none; called only for secrets a step sends.</param>
        public SyncPlanner(IReadOnlyDictionary<string, Toolkit> toolkits, Func<SecretReference, string?> resolveSecret)
        {
            _toolkits = toolkits;
            _resolveSecret = resolveSecret;
        }

        /// <summary>Send secret references on updates too (they cannot be compared: the server masks them).</summary>
        public bool UpdateSecrets { get; set; }

        /// <summary>Remove configs inside the file's prune scope that the file does not declare.</summary>
        public bool Prune { get; set; }

        /// <summary>A stop (Ctrl+C): planning a large project's prune ends at the next config.</summary>
        public System.Threading.CancellationToken Stop { get; set; }

        /// <summary>One step per entry, in file order, then the removals and the unmanaged configs.</summary>
        public IReadOnlyList<SyncStep> Plan(DesiredStateFile file, IEnumerable<AuthConfig> actual)
        {
            var byIdentity = actual
                .GroupBy(c => DesiredAuthConfig.IdentityOf(c.Toolkit, c.Name), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var steps = new List<SyncStep>();
            foreach (var entry in file.AuthConfigs)
            {
                byIdentity.TryGetValue(entry.Identity, out var matches);
                steps.Add(matches == null || matches.Count == 0 ? PlanCreate(entry)
                    : matches.Count == 1 ? PlanExisting(entry, matches[0])
                    : PlanConflict(entry, matches));
            }
            // Every config of the listed toolkits that the file does not declare: removed when -Prune
            // and the prune scope cover it, else listed as Unmanaged, so a renamed entry does not
            // silently leave its old config behind.
            var declared = new HashSet<string>(file.AuthConfigs.Select(e => e.Identity), StringComparer.Ordinal);
            steps.AddRange(byIdentity
                .Where(g => !declared.Contains(g.Key))
                .SelectMany(g => g.Value)
                .OrderBy(c => c.Toolkit, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Select(c =>
                {
                    Stop.ThrowIfCancellationRequested();
                    return new SyncStep
                    {
                        Action = Prune && file.Prune != null && file.Prune.Covers(c.Toolkit, c.Name) ? SyncAction.Remove : SyncAction.Unmanaged,
                        Toolkit = c.Toolkit,
                        Name = c.Name,
                        Id = c.Id,
                        Type = TypeOf(c),
                    };
                }));
            return steps;
        }

        private SyncStep PlanCreate(DesiredAuthConfig entry)
        {
            var step = NewStep(entry, SyncAction.Create);
            var changes = new List<string>();
            var missingSecrets = new List<string>();
            var credentials = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var credential in entry.Credentials)
            {
                credentials[credential.Key] = credential.Reference == null ? credential.Literal : Resolve(credential, missingSecrets);
                changes.Add("Credentials." + credential.Key);
            }
            if (entry.Scopes != null)
            {
                changes.Add("Scopes");
            }
            if (entry.ToolsForConnectedAccountCreation != null)
            {
                changes.Add("ToolsForConnectedAccountCreation");
            }
            var shared = entry.SharedCredentials == null ? null : ResolveAll(entry.SharedCredentials, missingSecrets);
            var proxyKey = entry.ProxyAuthKey == null ? null : ResolveReference(entry.ProxyAuthKey, "ProxyAuthKey", missingSecrets);
            changes.AddRange(NewFieldChanges(entry));
            if (!entry.Enabled)
            {
                step.SetEnabled = false;
                changes.Add("Enabled");
            }
            step.Changes = changes;
            if (missingSecrets.Count > 0)
            {
                return Fail(step, "MissingSecret", MissingSecretsMessage(missingSecrets));
            }
            if (entry.ToolsAvailableForExecution != null)
            {
                // The create body has no place for it: sent right after, as the official SDK's update sends it.
                step.Update = new UpdateAuthConfigRequest { Type = entry.Type, ToolsAvailableForExecution = entry.ToolsAvailableForExecution };
            }
            // The same builder as New-ComposioAuthConfig: the same checks, the same request.
            try
            {
                step.Create = new CreateRequestBuilder
                {
                    Type = entry.Type,
                    AuthScheme = entry.AuthScheme,
                    Name = entry.Name,
                    // Managed entries carry no credentials of their own: an empty table is no table.
                    Credentials = credentials.Count > 0 ? credentials : null,
                    Scope = entry.Scopes,
                    UserScope = entry.UserScopes,
                    ToolsForConnectedAccountCreation = entry.ToolsForConnectedAccountCreation,
                    ProxyUrl = entry.ProxyUrl,
                    ProxyAuthKey = proxyKey,
                    IsEnabledForToolRouter = entry.EnabledForToolRouter,
                    SharedCredentials = shared,
                }.Build(_toolkits[entry.Toolkit]);
            }
            catch (ComposioException ex)
            {
                return Fail(step, ex.ErrorId, ex.Message);
            }
            return step;
        }

        private SyncStep PlanExisting(DesiredAuthConfig entry, AuthConfig config)
        {
            var step = NewStep(entry, SyncAction.Unchanged);
            step.Id = config.Id;
            if (TypeOf(config) != entry.Type)
            {
                return Fail(step, "AuthConfigTypeMismatch",
                    $"auth config {config.Id} is {config.Type} but the file declares {entry.Type}; a config's type cannot change. Remove the config (Remove-ComposioAuthConfig -Id {config.Id}) or give the entry another name.");
            }
            if (entry.Type == AuthConfigType.Custom && !string.Equals(config.AuthScheme, entry.AuthScheme, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(step, "AuthSchemeMismatch",
                    $"auth config {config.Id} uses auth scheme {config.AuthScheme} but the file declares {entry.AuthScheme}; a config's scheme cannot change. Remove the config (Remove-ComposioAuthConfig -Id {config.Id}) or give the entry another name.");
            }

            var changes = new List<string>();
            var missingSecrets = new List<string>();
            var credentials = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var credential in entry.Credentials)
            {
                config.Credentials.TryGetValue(credential.Key, out var current);
                // A value the server (or the client) masks cannot be compared: like a reference, it is
                // only sent when asked to.
                var writeOnly = credential.Reference != null || string.Equals(current as string, SecretNames.Mask, StringComparison.Ordinal);
                if (writeOnly)
                {
                    if (UpdateSecrets)
                    {
                        credentials[credential.Key] = credential.Reference == null ? credential.Literal : Resolve(credential, missingSecrets);
                        changes.Add("Credentials." + credential.Key);
                    }
                }
                else if (!string.Equals(Canonical(current), Canonical(credential.Literal), StringComparison.Ordinal))
                {
                    credentials[credential.Key] = credential.Literal;
                    changes.Add("Credentials." + credential.Key);
                }
            }
            // The same builder as Set-ComposioAuthConfig: scopes go where the config's type takes them.
            var update = new UpdateRequestBuilder { Credentials = credentials.Count > 0 ? credentials : null };
            if (entry.Scopes != null)
            {
                config.Credentials.TryGetValue(CredentialFields.Scopes, out var currentScopes);
                if (!SameSet(entry.Scopes, ScopesOf(currentScopes)))
                {
                    update.Scope = entry.Scopes;
                    changes.Add("Scopes");
                }
            }
            if (entry.ToolsForConnectedAccountCreation != null && !SameSet(entry.ToolsForConnectedAccountCreation, config.ToolsForConnectedAccountCreation))
            {
                update.ToolsForConnectedAccountCreation = entry.ToolsForConnectedAccountCreation;
                changes.Add("ToolsForConnectedAccountCreation");
            }
            if (entry.UserScopes != null)
            {
                config.Credentials.TryGetValue(CredentialFields.UserScopes, out var currentUserScopes);
                if (!SameSet(entry.UserScopes, ScopesOf(currentUserScopes)))
                {
                    update.UserScope = entry.UserScopes;
                    changes.Add("UserScopes");
                }
            }
            if (entry.ToolsAvailableForExecution != null && !SameSet(entry.ToolsAvailableForExecution, config.ToolsAvailableForExecution))
            {
                update.ToolsAvailableForExecution = entry.ToolsAvailableForExecution;
                changes.Add("ToolsAvailableForExecution");
            }
            if (entry.EnabledForToolRouter != null && entry.EnabledForToolRouter != (config.IsEnabledForToolRouter ?? false))
            {
                update.IsEnabledForToolRouter = entry.EnabledForToolRouter;
                changes.Add("EnabledForToolRouter");
            }
            // The proxy is set as a whole; its key is write-only (masked on read), so with a key the
            // proxy is sent only when it differs or when asked to update secrets.
            if (entry.ProxyUrl != null && (!string.Equals(entry.ProxyUrl, config.ProxyUrl, StringComparison.Ordinal) || (entry.ProxyAuthKey != null && UpdateSecrets)))
            {
                update.ProxyUrl = entry.ProxyUrl;
                update.ProxyAuthKey = entry.ProxyAuthKey == null ? null : ResolveReference(entry.ProxyAuthKey, "ProxyAuthKey", missingSecrets);
                changes.Add("ProxyUrl");
            }
            if (entry.SharedCredentials != null)
            {
                // Keys the server holds but the file does not declare are removed (SharedCredentials = @{} clears all);
                // declared values are secrets, sent only when asked to update secrets.
                var declared = new HashSet<string>(entry.SharedCredentials.Select(c => c.Key), StringComparer.Ordinal);
                var removed = config.SharedCredentials.Keys.Where(k => !declared.Contains(k)).ToArray();
                var sent = UpdateSecrets ? ResolveAll(entry.SharedCredentials, missingSecrets) : new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var key in removed)
                {
                    sent[key] = null;
                }
                var added = entry.SharedCredentials.Where(c => !config.SharedCredentials.ContainsKey(c.Key)).ToList();
                if (!UpdateSecrets && added.Count > 0)
                {
                    foreach (var pair in ResolveAll(added, missingSecrets))
                    {
                        sent[pair.Key] = pair.Value;
                    }
                }
                if (sent.Count > 0)
                {
                    update.SharedCredentials = sent;
                    changes.Add("SharedCredentials");
                }
            }
            var patch = changes.Count > 0;
            // A status the server did not report counts as enabled, its default; one it reports but
            // this module does not know (neither ENABLED nor DISABLED) is left alone, never "repaired".
            var statusKnown = config.Status == null || config.IsEnabled != null;
            if (statusKnown && (config.IsEnabled ?? true) != entry.Enabled)
            {
                step.SetEnabled = entry.Enabled;
                changes.Add("Enabled");
            }
            step.Changes = changes;
            if (missingSecrets.Count > 0)
            {
                return Fail(step, "MissingSecret", MissingSecretsMessage(missingSecrets));
            }
            if (patch)
            {
                try
                {
                    step.Update = update.Build(step.Target, TypeOf(config), null, null);
                }
                catch (ComposioException ex)
                {
                    return Fail(step, ex.ErrorId, ex.Message);
                }
                step.Action = SyncAction.Update;
            }
            else if (step.SetEnabled != null)
            {
                step.Action = entry.Enabled ? SyncAction.Enable : SyncAction.Disable;
            }
            return step;
        }

        private static SyncStep PlanConflict(DesiredAuthConfig entry, List<AuthConfig> matches)
        {
            var step = NewStep(entry, SyncAction.Conflict);
            step.ErrorId = "AuthConfigIdentityConflict";
            step.Error = $"{matches.Count} auth configs of toolkit '{entry.Toolkit}' are named '{entry.Name}' ({string.Join(", ", matches.Select(m => m.Id))}); none of them was changed. Rename or remove all but one (Set-ComposioAuthConfig -Name, Remove-ComposioAuthConfig), then sync again.";
            return step;
        }

        private string? Resolve(DesiredCredential credential, List<string> missing)
        {
            var value = _resolveSecret(credential.Reference!);
            if (string.IsNullOrEmpty(value))
            {
                missing.Add($"credential field '{credential.Key}' takes its value from {credential.Reference!.Source}, and there is none");
                return null;
            }
            return value;
        }

        /// <summary>A reference's value (a missing one is noted and null).</summary>
        private string? ResolveReference(SecretReference reference, string key, List<string> missing) =>
            Resolve(new DesiredCredential(key, 0, null, reference), missing);

        private Dictionary<string, object?> ResolveAll(IEnumerable<DesiredCredential> credentials, List<string> missing) =>
            credentials.ToDictionary(c => c.Key, c => (object?)(c.Reference == null ? c.Literal : Resolve(c, missing)), StringComparer.Ordinal);

        /// <summary>The change names of what a create sets beyond credentials and scopes.</summary>
        private static IEnumerable<string> NewFieldChanges(DesiredAuthConfig entry)
        {
            if (entry.UserScopes != null) yield return "UserScopes";
            if (entry.ToolsAvailableForExecution != null) yield return "ToolsAvailableForExecution";
            if (entry.ProxyUrl != null) yield return "ProxyUrl";
            if (entry.EnabledForToolRouter != null) yield return "EnabledForToolRouter";
            if (entry.SharedCredentials != null && entry.SharedCredentials.Count > 0) yield return "SharedCredentials";
        }

        private static string MissingSecretsMessage(List<string> missing) =>
            string.Join("; ", missing) + ". Pass it in -Secret @{ '<name>' = <SecureString> } or set the environment variable; nothing was sent for this entry.";

        private static SyncStep NewStep(DesiredAuthConfig entry, SyncAction action) =>
            new SyncStep { Action = action, Toolkit = entry.Toolkit, Name = entry.Name, Type = entry.Type };

        private static SyncStep Fail(SyncStep step, string errorId, string message)
        {
            step.Action = SyncAction.Failed;
            step.Create = null;
            step.Update = null;
            step.SetEnabled = null;
            step.ErrorId = errorId;
            step.Error = message;
            return step;
        }

        /// <summary>Credential values as the wire shows them, so 42, "42" and true/"true" compare equal.</summary>
        private static string? Canonical(object? value) => value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            string[] list => string.Join(",", list),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        /// <summary>Scopes as the server holds them: a comma-joined string or a list.</summary>
        private static IEnumerable<string> ScopesOf(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string s => s.Split(','),
            IEnumerable<string> list => list.SelectMany(v => (v ?? string.Empty).Split(',')),
            _ => new[] { Canonical(value) ?? string.Empty },
        };

        /// <summary>Order and repeats do not matter for scopes and tool lists.</summary>
        private static bool SameSet(IEnumerable<string> desired, IEnumerable<string> actual) =>
            new HashSet<string>(desired.Select(s => s.Trim()).Where(s => s.Length > 0), StringComparer.Ordinal)
                .SetEquals(actual.Select(s => s.Trim()).Where(s => s.Length > 0));

        private static AuthConfigType TypeOf(AuthConfig config) =>
            config.IsComposioManaged ? AuthConfigType.ComposioManaged : AuthConfigType.Custom;
    }
}
