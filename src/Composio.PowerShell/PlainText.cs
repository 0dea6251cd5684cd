using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Composio.PowerShell
{
    /// <summary>
    /// Reads a SecureString at the last moment before it goes on the wire (an API key, a credential,
    /// a file's secret): a leaf every layer uses, so it sits beside <see cref="ConsoleText"/>.
    /// </summary>
    internal static class PlainText
    {
        public static string From(SecureString value)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
