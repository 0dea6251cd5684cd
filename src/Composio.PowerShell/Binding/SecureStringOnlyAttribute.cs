using System.Management.Automation;
using System.Security;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// On -ApiKey: plain text is refused with the ways to make a SecureString, instead of
    /// PowerShell's "cannot convert System.String to SecureString", which says what failed but not
    /// what to type. The key itself is never part of the message.
    /// </summary>
    internal sealed class SecureStringOnlyAttribute : ArgumentTransformationAttribute
    {
        public const string Advice =
            "-ApiKey takes a SecureString, so the key stays out of the command history and the transcript. " +
            "Use -ApiKey (Read-Host -AsSecureString 'Composio API key'), or -ApiKey (Get-Secret ComposioApiKey) with Microsoft.PowerShell.SecretManagement; " +
            "for a key already in a variable, -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force); " +
            "or set the COMPOSIO_API_KEY environment variable and omit -ApiKey.";

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string)
            {
                throw new ArgumentTransformationMetadataException(Advice);
            }
            return value is SecureString ? value : inputData;
        }
    }
}
