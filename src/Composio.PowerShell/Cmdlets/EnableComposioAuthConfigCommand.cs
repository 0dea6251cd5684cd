using System.Management.Automation;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Enable-ComposioAuthConfig: lets new connections use the configs again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class EnableComposioAuthConfigCommand : AuthConfigStatusCommand
    {
        private protected override bool Enable => true;
    }
}
