using System.Management.Automation;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Disconnect-Composio: this runspace forgets its default connection (other runspaces keep
    /// theirs). Objects already emitted keep the connection they came from and still work.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Composio")]
    [OutputType(typeof(void))]
    public sealed class DisconnectComposioCommand : ModuleCmdlet
    {
        protected override void EndProcessing()
        {
            if (DefaultConnection.Get() == null)
            {
                Say("There was no Composio connection in this runspace.");
            }
            DefaultConnection.Set(null);
        }
    }
}
