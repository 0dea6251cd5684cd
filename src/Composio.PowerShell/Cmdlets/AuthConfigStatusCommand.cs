using System;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Validation;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>What Enable- and Disable-ComposioAuthConfig share: one status PATCH per id.</summary>
    public abstract class AuthConfigStatusCommand : ComposioCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Output the config as it is after the change (one GET each).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True to enable, false to disable.</summary>
        private protected abstract bool Enable { get; }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                try
                {
                    ApiIdentifiers.AuthConfigId(id);
                    if (!ShouldProcess(id, Enable ? "Enable auth config" : "Disable auth config"))
                    {
                        continue;
                    }
                    Await(token => Client.SetAuthConfigEnabledAsync(id, Enable, token));
                    if (PassThru.IsPresent)
                    {
                        WriteCurrentConfig(id);
                    }
                }
                catch (ComposioException ex)
                {
                    WriteComposioError(ex, id);
                }
            }
        }
    }
}
