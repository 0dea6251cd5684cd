using System;
using System.IO;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// Loads the client and its third-party assemblies from `dependencies/` into a private
    /// AssemblyLoadContext, so our Microsoft.Extensions.* and Microsoft.Bcl.AsyncInterfaces
    /// never clash with the versions PowerShell itself has loaded. On Windows PowerShell 5.1
    /// there is no load context (<see cref="RuntimeFacts"/>): the files load side by side with
    /// other modules' versions, and <see cref="DependencyFolder"/> answers only our own requests.
    /// Nothing loads at import: the client comes on the first call that needs it. Hooked and
    /// unhooked by <see cref="ModuleLifecycle"/>; it knows nothing of runspaces.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly DependencyFolder s_folder =
            new DependencyFolder(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".");
        private static readonly Lazy<LoadContextProxy?> s_context = new Lazy<LoadContextProxy?>(() => RuntimeFacts.Current.CreateLoadContext("Composio"));
        private static readonly object s_gate = new object();
        private static bool s_hooked;

        public static void Hook()
        {
            lock (s_gate)
            {
                if (!s_hooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                    s_hooked = true;
                }
            }
        }

        /// <summary>Types already handed out stay loaded; unhooking only stops answering new requests.</summary>
        public static void Unhook()
        {
            lock (s_gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                s_hooked = false;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = s_folder.Choose(new AssemblyName(args.Name), args.RequestingAssembly);
            if (path == null)
            {
                return null;
            }
            var context = s_context.Value;
            lock (s_gate)
            {
                return RuntimeFacts.Current.Load(path, context);
            }
        }
    }
}
