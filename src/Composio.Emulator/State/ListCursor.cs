using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Composio.Emulator.Errors;

namespace Composio.Emulator.State;

/// <summary>
/// Opaque page cursor: base64url of "{prefix}:{position}:{offset}". Position is the last sequence
/// number (or index) served, so the next page starts by binary search instead of a scan; offset is
/// how many matching items came before, only used to report current_page.
/// </summary>
public readonly record struct ListCursor(long Position, long Offset)
{
    public string Encode(string prefix) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $"{prefix}:{Position.ToString(CultureInfo.InvariantCulture)}:{Offset.ToString(CultureInfo.InvariantCulture)}"));

    public static ListCursor? Decode(string? cursor, string prefix)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Split(':');
            if (parts.Length == 3 && parts[0] == prefix
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return new ListCursor(position, offset);
            }
        }
        catch (FormatException)
        {
        }
        throw ApiException.BadRequest($"Invalid cursor '{cursor}'.",
            "Pass the next_cursor value from the previous page unchanged, or omit cursor to start over.");
    }
}
