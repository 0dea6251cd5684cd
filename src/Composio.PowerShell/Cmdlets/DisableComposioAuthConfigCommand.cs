using System.Management.Automation;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Disable-ComposioAuthConfig: no new connections can be made through the configs.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AuthConfig))]
    public sealed class DisableComposioAuthConfigCommand : AuthConfigStatusCommand
    {
        private protected override bool Enable => false;
    }
}
