using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// A parameter that takes no pipeline input cannot evaluate a script block per object, and
    /// PowerShell would quietly turn one into its source text: refuse it with a clear error instead.
    /// </summary>
    public sealed class RejectScriptBlockAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is ScriptBlock)
            {
                throw new ArgumentTransformationMetadataException(
                    "This parameter takes no script block: it does not take pipeline input, so a script block would not be evaluated per object. Pass the value itself, or compute it with ForEach-Object.");
            }
            return inputData;
        }
    }
}
