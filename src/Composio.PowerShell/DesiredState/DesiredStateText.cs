using System.Text;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// The encodings a desired-state file may come in: UTF-8 with or without a BOM, and UTF-16
    /// LE or BE with a BOM (what Windows PowerShell's `>` and Out-File write by default).
    /// </summary>
    internal static class DesiredStateText
    {
        /// <summary>The file's text as UTF-8 without a BOM.</summary>
        public static byte[] Utf8(byte[] bytes)
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
            }
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
            }
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                var rest = new byte[bytes.Length - 3];
                System.Array.Copy(bytes, 3, rest, 0, rest.Length);
                return rest;
            }
            return bytes;
        }

        /// <summary>The file's text, decoded as <see cref="Utf8"/> reads it.</summary>
        public static string Read(string path) => Encoding.UTF8.GetString(Utf8(System.IO.File.ReadAllBytes(path)));
    }
}
