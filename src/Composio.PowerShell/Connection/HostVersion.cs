using System.Collections;
using System.Management.Automation;

namespace Composio.PowerShell.Connection
{
    /// <summary>Reads $PSVersionTable once, for the User-Agent.</summary>
    internal static class HostVersion
    {
        private static bool s_recorded;

        public static void Record(PSCmdlet cmdlet)
        {
            if (s_recorded)
            {
                return;
            }
            if (cmdlet.GetVariableValue("PSVersionTable") is Hashtable table && table["PSVersion"] is object version)
            {
                ComposioSession.HostDescription = "PowerShell " + version;
            }
            s_recorded = true;
        }
    }
}
