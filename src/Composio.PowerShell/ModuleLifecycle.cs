using System.Management.Automation;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Loading;

namespace Composio.PowerShell
{
    /// <summary>
    /// What PowerShell calls on Import-Module and Remove-Module: the assembly resolver is hooked
    /// first (nothing may load the client before it), then the importing runspace is noted for
    /// the per-runspace default connection. One class, so the order is ours, not PowerShell's.
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            DependencyLoader.Hook();
            DefaultConnection.NoteImport();
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Unhook();
    }
}
