using System.Management.Automation;
using Composio.Client.Errors;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-ComposioConnection: the connection cmdlets use when none is passed (this runspace's
    /// default, or one made from COMPOSIO_API_KEY), to keep for -Connection or to inspect.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposioConnection")]
    [OutputType(typeof(ComposioConnection))]
    public sealed class GetComposioConnectionCommand : ModuleCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                WriteObject(Connections.Require(this));
            }
            catch (ComposioException ex)
            {
                // Not an item failure: there is simply none; a script tests for it with -ErrorAction SilentlyContinue.
                WriteError(ErrorRecords.From(ex));
            }
        }
    }
}
