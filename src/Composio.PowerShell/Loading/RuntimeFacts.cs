using System;
using System.Net;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// The one place that knows what the module does differently on .NET Framework (Windows
    /// PowerShell 5.1) at import and on the first call:
    /// <list type="bullet">
    /// <item>there is no AssemblyLoadContext, so our dependencies load with LoadFrom into the one
    /// AppDomain, beside other modules' copies (which <see cref="DependencyFolder"/> leaves alone);</item>
    /// <item>HttpClientHandler runs on HttpWebRequest, whose process-wide ServicePointManager starts
    /// without TLS 1.2 in powershell.exe and with two connections per host (-ThrottleLimit goes to 32).</item>
    /// </list>
    /// Encodings need nothing here: every file the module reads or writes names UTF-8 itself, where
    /// Framework's default (and Windows PowerShell's parser, for a file without a BOM) would be the
    /// ANSI code page; see DesiredState/PowerShellDataReader. On PowerShell 7 this object changes nothing.
    /// </summary>
    internal sealed class RuntimeFacts
    {
        /// <summary>-ThrottleLimit's upper bound: that many requests to one host may be in flight.</summary>
        internal const int ConnectionsPerHost = 32;

        /// <summary>Decided once from the runtime itself: .NET Framework has no load-context type.</summary>
        public static RuntimeFacts Current { get; } =
            new RuntimeFacts(typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null);

        /// <summary>Tests force the Framework path with <c>hasLoadContexts: false</c>.</summary>
        internal RuntimeFacts(bool hasLoadContexts)
        {
            HasLoadContexts = hasLoadContexts;
        }

        /// <summary>False on .NET Framework.</summary>
        public bool HasLoadContexts { get; }

        /// <summary>The private load context our dependencies go into; null on .NET Framework.</summary>
        public LoadContextProxy? CreateLoadContext(string name) => HasLoadContexts ? LoadContextProxy.Create(name) : null;

        /// <summary>
        /// Into the private context; on .NET Framework into the LoadFrom context, where a strong-named
        /// assembly of another version that another module loaded stays beside ours.
        /// </summary>
        public Assembly Load(string path, LoadContextProxy? context) =>
            context != null ? context.LoadFromAssemblyPath(path) : Assembly.LoadFrom(path);

        /// <summary>
        /// Before the first client is made. On .NET Framework: adds TLS 1.2 to the protocols when
        /// the process pinned older ones (leaving SystemDefault, where Windows chooses, alone) and
        /// raises the per-host connection limit to what -ThrottleLimit allows. Only ever adds.
        /// </summary>
        public void PrepareHttp()
        {
            if (HasLoadContexts)
            {
                return;
            }
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
            if (ServicePointManager.DefaultConnectionLimit < ConnectionsPerHost)
            {
                ServicePointManager.DefaultConnectionLimit = ConnectionsPerHost;
            }
        }
    }
}
