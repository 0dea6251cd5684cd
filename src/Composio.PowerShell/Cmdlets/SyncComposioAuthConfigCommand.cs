using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Connection;
using Composio.PowerShell.DesiredState;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Sync-ComposioAuthConfig: makes the project's auth configs match a desired-state file.
    /// Reads and checks the whole file first (nothing is sent for a bad file), lists the
    /// project's configs, plans every step (<see cref="SyncPlanner"/>), then carries the steps out
    /// one by one: a failed entry is reported and the next goes on.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SyncResult))]
    public sealed class SyncComposioAuthConfigCommand : DesiredStateCommand
    {
        /// <summary>Values of the file's secret references: name → SecureString or string.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Secret { get; set; }

        /// <summary>
        /// Environment variables the file's @{ Env = '...' } references may read, besides those named
        /// COMPOSIO_SECRET_* (wildcards allowed). The caller decides, never the file; COMPOSIO_API_KEY never.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AllowEnvironmentVariable { get; set; }

        /// <summary>Remove configs inside the file's Prune scope that the file does not declare.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>Prune without asking: deletions are asked like Remove-ComposioAuthConfig's (ConfirmImpact High) otherwise.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Also send secret references on updates (their drift cannot be seen: the server masks them).</summary>
        [Parameter]
        public SwitchParameter UpdateSecrets { get; set; }

        protected override void EndProcessing()
        {
            var secrets = SecretTable();
            var file = LoadFile();
            if (Prune.IsPresent && file.Prune == null)
            {
                throw Terminate(ErrorCatalog.PruneScopeMissing.At(file.Path, "Prune", file.Path));
            }
            // A toolkit that is not found is left out, for the file's checks to name (DesiredStateUnknownToolkit).
            var toolkits = RequireToolkits(file.AuthConfigs.Select(e => e.Toolkit), leaveOutUnknown: true);
            try
            {
                DesiredStateValidator.Check(file, toolkits, new EnvironmentPolicy(AllowEnvironmentVariable));
            }
            catch (DesiredStateFileException ex)
            {
                throw Terminate(FileError(ex));
            }

            var slugs = file.AuthConfigs.Select(e => e.Toolkit)
                .Concat(Prune.IsPresent ? file.Prune!.Toolkits : Array.Empty<string>())
                .Distinct(StringComparer.Ordinal).ToArray();
            var actual = ListConfigs(slugs);
            Say($"{file.Path}: {file.AuthConfigs.Count} declared auth configs; the project has {actual.Count} of toolkits {string.Join(", ", slugs)}.");

            var planner = new SyncPlanner(toolkits, new SecretResolver(secrets, file.Path, Client.Options.Credential).Resolve)
            {
                Prune = Prune.IsPresent,
                UpdateSecrets = UpdateSecrets.IsPresent,
                Stop = CancellationToken,
            };
            IReadOnlyList<SyncStep> plan;
            try
            {
                plan = planner.Plan(file, actual);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (DesiredStateFileException ex)
            {
                // A reference that resolved to something refused (the connection's key): nothing was sent.
                throw Terminate(FileError(ex));
            }
            var summary = new RunSummary { Command = MyInvocation.MyCommand.Name };
            summary.In(CurrentConnection);
            foreach (var step in plan)
            {
                Count(summary, Apply(step));
            }
            Say(summary.ToString());
            summary.Write(this);
        }

        private static void Count(RunSummary summary, SyncAction? action)
        {
            switch (action)
            {
                case null: summary.Skipped++; break;
                case SyncAction.Create: summary.Created++; break;
                case SyncAction.Update:
                case SyncAction.Enable:
                case SyncAction.Disable: summary.Changed++; break;
                case SyncAction.Remove: summary.Removed++; break;
                case SyncAction.Unchanged: summary.Unchanged++; break;
                case SyncAction.Unmanaged: summary.Unmanaged++; break;
                default: summary.Failed++; break;
            }
        }

        /// <summary>Carries out one step and writes its result; returns the action reported, or null when skipped.</summary>
        private SyncAction? Apply(SyncStep step)
        {
            switch (step.Action)
            {
                case SyncAction.Unchanged:
                case SyncAction.Unmanaged:
                    return Report(step.ToResult());
                case SyncAction.Conflict:
                case SyncAction.Failed:
                    Report(step.ToResult());
                    WriteComposioError(ErrorCatalog.SyncStep(step.ErrorId, step.Target, step.Error ?? string.Empty), step.Target);
                    return step.Action;
            }
            var target = ChangeTarget.Of(step.Name, step.Id, step.Toolkit, CurrentConnection);
            if (step.Action == SyncAction.Remove)
            {
                // Gated like Remove-ComposioAuthConfig: a prune is a deletion.
                var approved = ApproveDeletion(target, ActionText(step), Force.IsPresent, out var refused);
                if (refused != null)
                {
                    Report(step.ToResult(SyncAction.Failed, step.Id, refused.Message));
                    WriteComposioError(refused, step.Target, step.Target);
                    return SyncAction.Failed;
                }
                if (!approved)
                {
                    return Skipped(step);
                }
            }
            else if (!ShouldProcess(ConsoleText.Escape(target), ActionText(step)))
            {
                return Skipped(step);
            }
            return Carry(step);
        }

        /// <summary>A step not carried out: under -WhatIf it is reported as planned, else it is skipped.</summary>
        private SyncAction? Skipped(SyncStep step)
        {
            if (WhatIfMode())
            {
                return Report(step.ToResult());
            }
            Say($"Skipped {step.Target}.");
            return null;
        }

        private SyncAction? Carry(SyncStep step)
        {
            var id = step.Id;
            try
            {
                switch (step.Action)
                {
                    case SyncAction.Create:
                        id = Await(token => Client.CreateAuthConfigAsync(step.Create!, token)).Id;
                        var keeper = SettleRace(step, id);
                        if (keeper != id)
                        {
                            // Another run's config stays; its run sets it as the file says.
                            return Report(step.ToResult(SyncAction.Unchanged, keeper));
                        }
                        if (step.Update != null)
                        {
                            // What the create body cannot carry (the execution-tool restriction).
                            Await(token => Client.UpdateAuthConfigAsync(id, step.Update, token));
                        }
                        break;
                    case SyncAction.Update:
                        Await(token => Client.UpdateAuthConfigAsync(id!, step.Update!, token));
                        break;
                    case SyncAction.Remove:
                        Remove(id!);
                        return Report(step.ToResult());
                }
                if (step.SetEnabled is bool enabled)
                {
                    Await(token => Client.SetAuthConfigEnabledAsync(id!, enabled, token));
                }
            }
            catch (ComposioException ex)
            {
                // The id, when known, lets a rerun's listing be checked against this one.
                Report(step.ToResult(SyncAction.Failed, id, ex.Message));
                WriteComposioError(ex, step.Target, step.Target);
                return SyncAction.Failed;
            }
            return Report(step.ToResult(id: id));
        }

        /// <summary>
        /// After a create: when another run created the same identity at the same time, the oldest
        /// config stays (<see cref="CreateRace"/>) and this run removes its own copy. Returns the id that stays.
        /// </summary>
        private string SettleRace(SyncStep step, string created)
        {
            // The name narrows the listing when it is long enough to search by; the identity is then compared exactly.
            var query = new AuthConfigQuery { Toolkits = new[] { step.Toolkit }, ShowDisabled = true, Search = step.Name?.Length >= 3 ? step.Name : null };
            var identity = DesiredAuthConfig.IdentityOf(step.Toolkit, step.Name);
            string keeper;
            try
            {
                var same = ReadAllConfigs(query)
                    .Where(c => DesiredAuthConfig.IdentityOf(c.Toolkit, c.Name) == identity);
                keeper = CreateRace.Keeper(same, created);
                if (keeper != created)
                {
                    Remove(created);
                    Warn($"{step.Target} was created by another run at the same time as this one: {keeper} stays, and this run's copy {created} was removed.");
                }
            }
            catch (ComposioException ex)
            {
                // The create itself succeeded: report it, and say what could not be checked.
                Warn($"{step.Target} was created ({created}), but checking for a sync running at the same time failed ({ex.ErrorId}): if one was, a later sync reports AuthConfigIdentityConflict for it.");
                return created;
            }
            return keeper;
        }

        private void Remove(string id)
        {
            try
            {
                Await(token => Client.DeleteAuthConfigAsync(id, false, token));
            }
            catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound)
            {
                Say($"Auth config {id} was already gone.");
            }
        }

        private SyncAction Report(SyncResult result)
        {
            // Stamped like every other output object: the result names the project it is about.
            Emit(result);
            return result.Action;
        }

        /// <summary>What a step does, by field name only: WhatIf text and transcripts never see a value.</summary>
        private static string ActionText(SyncStep step)
        {
            var kind = step.Type == AuthConfigType.Custom ? $"custom {step.Create?.AuthScheme}" : "Composio-managed";
            var fields = step.Changes.Count == 0 ? string.Empty : " (" + string.Join(", ", step.Changes) + ")";
            return step.Action switch
            {
                SyncAction.Create => $"Create {kind} auth config{fields}",
                SyncAction.Update => $"Update auth config{fields}",
                SyncAction.Enable => "Enable auth config",
                SyncAction.Disable => "Disable auth config",
                SyncAction.Remove => "Remove auth config (inside the file's prune scope, not declared in it)",
                _ => step.Action.ToString(),
            };
        }

        private DesiredStateFile LoadFile()
        {
            var path = FilePath;
            try
            {
                if (!File.Exists(path))
                {
                    throw new DesiredStateFileException(path, new DesiredStateProblem("DesiredStateFileNotFound", "the file does not exist."));
                }
                return DesiredStateParser.Load(path);
            }
            catch (DesiredStateFileException ex)
            {
                throw Terminate(FileError(ex));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Terminate(ErrorCatalog.DesiredStateFileUnreadable.At(path, "Path", path, ex.Message));
            }
        }

        /// <summary>A bad file is input the module judges itself: it takes the one error path.</summary>
        private static ComposioException FileError(DesiredStateFileException ex) => ErrorCatalog.DesiredStateFile(ex.ErrorId, ex.Message, ex.Path);

        private List<AuthConfig> ListConfigs(string[] slugs)
        {
            if (slugs.Length == 0)
            {
                return new List<AuthConfig>();
            }
            // Disabled configs too: a sync must see a config someone disabled, or it would create a second one.
            var query = new AuthConfigQuery { Toolkits = slugs, ShowDisabled = true };
            try
            {
                return ReadAllConfigs(query);
            }
            catch (ComposioException ex)
            {
                throw Terminate(ex, string.Join(",", slugs));
            }
        }

        /// <summary>-Secret as name → SecureString or string; anything else is refused, naming the key only.</summary>
        private Dictionary<string, object> SecretTable()
        {
            var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (Secret == null)
            {
                return result;
            }
            foreach (DictionaryEntry entry in Secret)
            {
                var key = entry.Key?.ToString();
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (string.IsNullOrWhiteSpace(key) || !(value is SecureString || value is string))
                {
                    throw Terminate(string.IsNullOrWhiteSpace(key)
                        ? ErrorCatalog.EmptySecretName.At(key, "Secret")
                        : ErrorCatalog.InvalidSecretValue.At(key, "Secret", key, value?.GetType().Name ?? "null"));
                }
                result[key!] = value!;
            }
            return result;
        }

        private bool WhatIfMode() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
