using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Lets -Id take AuthConfig objects (piped or passed) as their ids, and notes each object's
    /// type on the way: PowerShell hands a transformation the object itself before binding by
    /// property name, which is the only place a compiled cmdlet gets to see it.
    /// </summary>
    public sealed class AuthConfigIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is AuthConfig config)
            {
                Remember(inputData!, config);
                return config.Id;
            }
            if (value is IEnumerable items && !(value is string))
            {
                var ids = new List<object?>();
                var sawConfig = false;
                foreach (var item in items)
                {
                    var inner = item is PSObject w ? w.BaseObject : item;
                    if (inner is AuthConfig c)
                    {
                        Remember(item!, c);
                        ids.Add(c.Id);
                        sawConfig = true;
                    }
                    else
                    {
                        ids.Add(item);
                    }
                }
                return sawConfig ? ids.ToArray() : inputData;
            }
            return inputData;
        }

        /// <summary>The type goes to the connection the object came from, which is the one that will act on it.</summary>
        private static void Remember(object item, AuthConfig config) => OutputStamp.Of(item)?.Seen.Remember(config);
    }
}
