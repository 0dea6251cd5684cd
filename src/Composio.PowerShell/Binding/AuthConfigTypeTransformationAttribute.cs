using System;
using System.Management.Automation;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// -Type accepts every spelling of an auth config's type that the module, the API or a CSV
    /// may hold: ComposioManaged or Managed, Custom, the wire's `default`/`custom` and the create
    /// body's `use_composio_managed_auth`/`use_custom_auth`; an empty cell is the default
    /// (ComposioManaged). Anything else is left for PowerShell to reject.
    /// </summary>
    public sealed class AuthConfigTypeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }
            switch (text.Trim().ToLowerInvariant())
            {
                case "":
                case "managed":
                case "composiomanaged":
                case "default":
                case "use_composio_managed_auth":
                    return AuthConfigType.ComposioManaged;
                case "custom":
                case "use_custom_auth":
                    return AuthConfigType.Custom;
                default:
                    return inputData;
            }
        }
    }
}
