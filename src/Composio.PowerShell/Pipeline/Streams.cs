using System;
using System.Management.Automation;

namespace Composio.PowerShell.Pipeline
{
    /// <summary>
    /// Writing to the Verbose and Warning streams without ever prompting. Under -Debug (without
    /// -Verbose, or without -WarningAction) PowerShell answers WriteVerbose and WriteWarning with
    /// Inquire ("Continue with this operation?"), which fails a non-interactive script and stops
    /// an interactive one after the server has changed: the text then goes to the Debug stream,
    /// which -Debug shows anyway.
    /// </summary>
    internal static class Streams
    {
        public static void Verbose(PSCmdlet cmdlet, string text)
        {
            if (IsBound(cmdlet, "Debug") && !cmdlet.MyInvocation.BoundParameters.ContainsKey("Verbose"))
            {
                cmdlet.WriteDebug(text);
            }
            else
            {
                cmdlet.WriteVerbose(text);
            }
        }

        public static void Warning(PSCmdlet cmdlet, string text)
        {
            if (IsBound(cmdlet, "Debug") && !cmdlet.MyInvocation.BoundParameters.ContainsKey("WarningAction"))
            {
                cmdlet.WriteDebug("WARNING: " + text);
            }
            else
            {
                cmdlet.WriteWarning(text);
            }
        }

        /// <summary>Whether -Verbose/-Debug (or the preference variable) lets this stream through.</summary>
        public static bool Enabled(PSCmdlet cmdlet, string parameter, string preferenceVariable)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
            {
                return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            }
            var preference = cmdlet.GetVariableValue(preferenceVariable)?.ToString();
            return preference != null
                && !string.Equals(preference, "SilentlyContinue", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(preference, "Ignore", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsBound(PSCmdlet cmdlet, string parameter) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var value)
            && (value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value));
    }
}
