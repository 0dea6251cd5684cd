using System.Linq;
using System.Text.Json;

namespace Composio.Client.Wire
{
    /// <summary>Converts loosely typed JSON values (defaults, credential values) to plain .NET values.</summary>
    internal static class JsonValues
    {
        public static string? AsString(JsonElement? value)
        {
            if (value == null)
            {
                return null;
            }
            var v = value.Value;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Undefined => null,
                _ => v.GetRawText(),
            };
        }

        public static object? AsObject(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.TryGetInt64(out var l) ? l : (object)v.GetDouble(),
            JsonValueKind.Array => v.EnumerateArray().Select(e => AsString(e)).ToArray(),
            JsonValueKind.Null => null,
            JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        };
    }
}
