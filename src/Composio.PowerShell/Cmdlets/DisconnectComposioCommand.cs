using System.Management.Automation;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>Disconnect-Composio: forgets the key and connection of this session.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Composio")]
    [OutputType(typeof(void))]
    public sealed class DisconnectComposioCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (!ComposioSession.Disconnect())
            {
                WriteVerbose("There was no Composio connection in this session.");
            }
        }
    }
}
