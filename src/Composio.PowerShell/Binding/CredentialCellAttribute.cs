using System;
using System.Collections;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// -Credentials from a CSV cell: the module's objects write their credentials as
    /// `client_id=abc; scopes=a,b` (secrets as `***`), so an exported row pipes back in. A blank
    /// cell is "not given". A masked value stays in, for the checks to refuse by name: a secret
    /// cannot be copied from an export, and must not be lost silently.
    /// </summary>
    public sealed class CredentialCellAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text))
            {
                return inputData;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            var table = new Hashtable(StringComparer.Ordinal);
            foreach (var pair in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var at = pair.IndexOf('=');
                if (at <= 0)
                {
                    throw new ArgumentTransformationMetadataException(
                        "A -Credentials cell is `field=value; field=value` (as the module's objects write it for Export-Csv); one part has no field name.");
                }
                table[pair.Substring(0, at).Trim()] = pair.Substring(at + 1).Trim();
            }
            return table;
        }
    }
}
