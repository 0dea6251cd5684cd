using System.Management.Automation;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Disable-ComposioAuthConfig: no new connections can be made through the configs.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class DisableComposioAuthConfigCommand : AuthConfigStatusCommand
    {
        private protected override bool Enable => false;
    }
}
