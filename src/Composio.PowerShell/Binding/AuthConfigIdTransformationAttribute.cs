using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Lets -Id take AuthConfig objects (piped or passed) as their ids, and notes each object's
    /// type on the way: PowerShell hands a transformation the object itself before binding by
    /// property name, which is the only place a compiled cmdlet gets to see it.
    /// </summary>
    public sealed class AuthConfigIdTransformationAttribute : PipedObjectTransformationAttribute
    {
        private protected override string? TextOf(object value, object original)
        {
            if (!(value is AuthConfig config))
            {
                return null;
            }
            // The type goes to the connection the object came from, which is the one that will act on it.
            OutputStamp.Of(original)?.Seen.Remember(config);
            return config.Id;
        }
    }
}
