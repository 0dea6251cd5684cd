using System.Management.Automation;
using Composio.PowerShell.Connection;

using Composio.PowerShell.Pipeline;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Disconnect-Composio: this runspace forgets its default connection (other runspaces keep
    /// theirs). Objects already emitted keep the connection they came from and still work.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Composio")]
    [OutputType(typeof(void))]
    public sealed class DisconnectComposioCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (DefaultConnection.Get() == null)
            {
                Streams.Verbose(this, "There was no Composio connection in this runspace.");
            }
            DefaultConnection.Set(null);
        }
    }
}
