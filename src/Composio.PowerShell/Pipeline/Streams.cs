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
        // Every line is escaped (ConsoleText): server text reaches these streams in messages and bodies.
        public static void Verbose(PSCmdlet cmdlet, string text)
        {
            text = ConsoleText.Escape(text);
            if (DebugInstead(cmdlet, "Verbose"))
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
            text = ConsoleText.Escape(text);
            if (DebugInstead(cmdlet, "WarningAction"))
            {
                cmdlet.WriteDebug("WARNING: " + text);
            }
            else
            {
                cmdlet.WriteWarning(text);
            }
        }

        public static void Debug(PSCmdlet cmdlet, string text) => cmdlet.WriteDebug(ConsoleText.Escape(text));

        /// <summary>Whether -Verbose/-Debug (or the preference variable) lets this stream through.</summary>
        public static bool Enabled(PSCmdlet cmdlet, string parameter, string preferenceVariable)
        {
            if (Switch(cmdlet, parameter) is bool given)
            {
                return given;
            }
            var preference = cmdlet.GetVariableValue(preferenceVariable)?.ToString();
            return preference != null
                && !string.Equals(preference, "SilentlyContinue", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(preference, "Ignore", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>-Debug is on and the stream's own parameter was not given: PowerShell would Inquire.</summary>
        private static bool DebugInstead(PSCmdlet cmdlet, string ownParameter) =>
            Switch(cmdlet, "Debug") == true && !cmdlet.MyInvocation.BoundParameters.ContainsKey(ownParameter);

        /// <summary>A common switch as given on the command line (-Debug, -Debug:$false), or null when not given.</summary>
        private static bool? Switch(PSCmdlet cmdlet, string parameter) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var value)
                ? value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value)
                : (bool?)null;
    }
}
