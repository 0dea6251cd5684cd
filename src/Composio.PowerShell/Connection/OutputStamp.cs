using System.Management.Automation;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// Objects the cmdlets emit carry the connection they came from as a `Connection` note
    /// property, so `$fromProjectA | Remove-ComposioAuthConfig` acts in project A whatever the
    /// default is now: every cmdlet's -Connection binds from it by property name. The client's
    /// output types stay plain classes; PowerShell keeps the note with the object itself.
    /// </summary>
    internal static class OutputStamp
    {
        public const string PropertyName = "Connection";

        public static PSObject Stamp(object item, ComposioConnection connection)
        {
            var wrapped = PSObject.AsPSObject(item);
            var existing = wrapped.Properties[PropertyName];
            if (existing == null)
            {
                wrapped.Properties.Add(new PSNoteProperty(PropertyName, connection));
            }
            else if (existing is PSNoteProperty note)
            {
                note.Value = connection;
            }
            return wrapped;
        }

        /// <summary>The connection an object (or its wrapper) was stamped with, if any.</summary>
        public static ComposioConnection? Of(object? item) =>
            item == null ? null : PSObject.AsPSObject(item).Properties[PropertyName]?.Value as ComposioConnection;
    }
}
