using System;
using System.Collections;
using System.Management.Automation;
using System.Runtime.InteropServices;
using Composio.Client;
using Composio.Client.Errors;

namespace Composio.PowerShell.Connection
{
    /// <summary>Makes connections and finds the one a command should use.</summary>
    internal static class Connections
    {
        /// <summary>A new connection from checked options (the key, or COMPOSIO_API_KEY, and the rest).</summary>
        public static ComposioConnection Open(ComposioClientOptions options, PSCmdlet? caller) =>
            new ComposioConnection(options, UserAgent(caller));

        /// <summary>
        /// The runspace's default; failing that, one made from COMPOSIO_API_KEY (and made the
        /// default), as the official SDKs read it. Throws NotConnected when there is neither.
        /// </summary>
        public static ComposioConnection Require(PSCmdlet? caller)
        {
            var current = DefaultConnection.Get();
            if (current != null)
            {
                return current;
            }
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ComposioClientOptions.ApiKeyVariable)))
            {
                throw new ComposioException("NotConnected", ComposioErrorKind.Configuration,
                    "Not connected to Composio: run Connect-Composio -ApiKey <SecureString>, or set the COMPOSIO_API_KEY environment variable.");
            }
            var options = new ComposioClientOptions().WithEnvironment();
            NoteTrimmedKey(options, caller);
            var connection = Open(options, caller);
            DefaultConnection.Set(connection);
            return connection;
        }

        /// <summary>Says in Verbose that whitespace around the key (as Get-Content -Raw reads a file) was removed.</summary>
        public static void NoteTrimmedKey(ComposioClientOptions options, PSCmdlet? caller)
        {
            if (options.ApiKeyWasTrimmed && caller != null)
            {
                Pipeline.Streams.Verbose(caller, "The API key had whitespace or a line break around it (as Get-Content -Raw reads a file); it was removed.");
            }
        }

        /// <summary>For completers and dynamic parameters: never throws, null when there is no way to connect.</summary>
        public static ComposioConnection? TryRequire()
        {
            try
            {
                return Require(null);
            }
            catch (ComposioException)
            {
                return null;
            }
        }

        /// <summary>`Composio-PowerShell/0.1.0 (PowerShell 7.6.9; Linux ...)`, the SDKs' User-Agent convention.</summary>
        private static string UserAgent(PSCmdlet? caller)
        {
            var host = "PowerShell";
            if (caller?.GetVariableValue("PSVersionTable") is Hashtable table && table["PSVersion"] is object version)
            {
                host = "PowerShell " + version;
            }
            var assembly = typeof(Connections).Assembly.GetName().Version;
            var module = assembly == null ? "0.0.0" : $"{assembly.Major}.{assembly.Minor}.{assembly.Build}";
            return $"Composio-PowerShell/{module} ({host}; {RuntimeInformation.OSDescription.Trim()})";
        }
    }
}
