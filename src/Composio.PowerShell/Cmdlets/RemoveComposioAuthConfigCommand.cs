using System;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Validation;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Remove-ComposioAuthConfig: DELETE /auth_configs/{id} for each id or AuthConfig piped in. A
    /// failure is a non-terminating error for that item only, so the rest of the pipeline goes on.
    /// </summary>
    // No default parameter set on purpose: with one, PowerShell settles on it before binding
    // pipeline input, and piped AuthConfig objects would bind by their Id and lose their name.
    [Cmdlet(VerbsCommon.Remove, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    // By name: a typeof() of a client type in an attribute would load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class RemoveComposioAuthConfigCommand : BulkCommand
    {
        public const string IdSet = "Id";
        public const string InputObjectSet = "InputObject";

        /// <summary>Auth config ids (ac_...); strings and objects with an Id property pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>AuthConfig objects from New-/Get-ComposioAuthConfig: their names show in the confirmation text.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public AuthConfig[] InputObject { get; set; } = Array.Empty<AuthConfig>();

        /// <summary>Also revoke the upstream credentials of every connection using the config (a server job).</summary>
        [Parameter]
        public SwitchParameter RevokeOnDelete { get; set; }

        /// <summary>Remove without asking for confirmation (-WhatIf and an explicit -Confirm still apply).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected override bool ForceGiven => Force.IsPresent;

        private protected override void CountDone(RunSummary summary) => summary.Removed++;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var config in Items(InputObject))
                {
                    Remove(config.Id, config.Name, config);
                }
            }
            else
            {
                foreach (var id in Items(Id))
                {
                    Remove(id, null, null);
                }
            }
        }

        private void Remove(string id, string? name, AuthConfig? known)
        {
            var revoke = RevokeOnDelete.IsPresent;
            // -Connection (given, or bound from the piped object) first; else the project the object came from.
            var item = new BulkItem(id, "auth config " + id, known == null ? null : OutputStamp.Of(known));
            Run(item, () => ApiIdentifiers.AuthConfigId(id), connection =>
            {
                // The connected accounts decide how much a delete breaks: known from a piped or
                // seen config at no cost; else read once, but only when a question or -WhatIf
                // will show them (-Force and -Confirm:$false show nothing: the DELETE alone).
                var count = known?.ConnectionCount;
                SeenAuthConfigs.Seen? config = connection.Seen.TryGet(id, out var seen) ? seen : null;
                if (count == null && config?.ConnectionCount == null && DeletionTargetShown(ForceGiven))
                {
                    config = Known(connection, id, s => s.ConnectionCount != null, "to count its connected accounts");
                }
                count ??= config?.ConnectionCount;
                var target = ChangeTarget.Of(known?.Name ?? config?.Name ?? name, id, known?.Toolkit ?? config?.Toolkit, connection)
                    + (count == null ? string.Empty : $", {count} connected account(s)");
                if (count > 0)
                {
                    Warn($"Auth config {id} has {count} connected account(s); removing it breaks their connections{(revoke ? " and revokes their credentials" : string.Empty)}.");
                }
                var action = revoke ? "Remove Composio auth config and revoke its connections' credentials" : "Remove Composio auth config";
                return new ItemPlan<string?>(action, token => connection.Client.DeleteAuthConfigAsync(id, revoke, token), jobId =>
                {
                    connection.Seen.Forget(id);
                    Say($"Removed auth config {id}{(string.IsNullOrEmpty(name) ? string.Empty : $" ('{name}')")}.");
                    if (revoke)
                    {
                        // The job id is the only handle on the revocation: output it, on the config it belongs to.
                        Say(jobId == null ? "The server started no revocation job." : $"Revocation job: {jobId}.");
                        var result = known ?? new AuthConfig { Id = id };
                        result.RevokeJobId = jobId;
                        Emit(result, connection);
                    }
                })
                { Target = target, Deletes = true };
            });
        }
    }
}
