using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Composio.PowerShell.Binding
{
    /// <summary>Reads a SecureString at the last moment before it goes on the wire.</summary>
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
