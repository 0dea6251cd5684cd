using System.Management.Automation;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Enable-ComposioAuthConfig: lets new connections use the configs again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AuthConfig))]
    public sealed class EnableComposioAuthConfigCommand : AuthConfigStatusCommand
    {
        private protected override bool Enable => true;
    }
}
