using System;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Validation;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>What Enable- and Disable-ComposioAuthConfig share: one status PATCH per id.</summary>
    public abstract class AuthConfigStatusCommand : BulkCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Output the config as it is after the change (one GET each).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself, to tell which project it came from. Not for direct use.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>True to enable, false to disable.</summary>
        private protected abstract bool Enable { get; }

        private protected override void CountDone(RunSummary summary) => summary.Changed++;

        protected override void ProcessRecord()
        {
            var enable = Enable;
            var passThru = PassThru.IsPresent;
            var own = InputObject?.BaseObject is AuthConfig ? OutputStamp.Of(InputObject) : null;
            foreach (var id in Items(Id))
            {
                Run(new BulkItem(id, "auth config " + id, own), () => ApiIdentifiers.AuthConfigId(id), connection =>
                    new ItemPlan<AuthConfig?>(enable ? "Enable auth config" : "Disable auth config", async token =>
                    {
                        await connection.Client.SetAuthConfigEnabledAsync(id, enable, token).ConfigureAwait(false);
                        // -PassThru reads the config back, so the object shows the server's state.
                        return passThru ? await connection.Client.GetAuthConfigAsync(id, token).ConfigureAwait(false) : null;
                    }, current =>
                    {
                        if (current != null)
                        {
                            Emit(current, connection);
                        }
                    })
                    { Target = ChangeTarget.OfId(id, connection) });
            }
        }
    }
}
