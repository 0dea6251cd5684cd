using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// Loads the client and its third-party assemblies from `dependencies/` into a private
    /// AssemblyLoadContext, so our Microsoft.Extensions.* and Microsoft.Bcl.AsyncInterfaces
    /// never clash with the versions PowerShell itself has loaded. The ALC is made by reflection
    /// (netstandard2.0 has no ALC type); on Windows PowerShell 5.1 there is none, and the files
    /// are loaded from the folder as powershell.exe would.
    /// The resolver answers only for assemblies that are in our folder.
    /// </summary>
    public sealed class DependencyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string s_folder =
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".", "dependencies");
        private static readonly Lazy<HashSet<string>> s_ours = new Lazy<HashSet<string>>(ListOurAssemblies);
        private static readonly Lazy<LoadContextProxy?> s_context = new Lazy<LoadContextProxy?>(() => LoadContextProxy.Create("Composio"));
        private static readonly object s_gate = new object();
        private static bool s_hooked;

        public void OnImport()
        {
            lock (s_gate)
            {
                if (!s_hooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                    s_hooked = true;
                }
            }
            Connection.DefaultConnection.NoteImport();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // Types already handed out stay loaded; unhooking only stops answering new requests.
            lock (s_gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                s_hooked = false;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null || !s_ours.Value.Contains(name))
            {
                return null;
            }
            var path = Path.Combine(s_folder, name + ".dll");
            var context = s_context.Value;
            lock (s_gate)
            {
                return context != null ? context.LoadFromAssemblyPath(path) : Assembly.LoadFrom(path);
            }
        }

        private static HashSet<string> ListOurAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(s_folder))
            {
                foreach (var file in Directory.EnumerateFiles(s_folder, "*.dll"))
                {
                    names.Add(Path.GetFileNameWithoutExtension(file));
                }
            }
            return names;
        }
    }
}
