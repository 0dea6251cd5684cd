using System.Management.Automation;
using System.Security;
using Composio.PowerShell.Binding;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// On a text field's parameter: a SecureString given there is read as its text. Without it,
    /// PowerShell would turn it into the string "System.Security.SecureString" and send that.
    /// </summary>
    internal sealed class SecureTextTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is SecureString secure ? PlainText.From(secure) : inputData;
        }
    }
}
