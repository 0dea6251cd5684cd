using System;
using System.Collections.Generic;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// A System.Runtime.Loader.AssemblyLoadContext reached by reflection. It remembers what it
    /// loaded, so asking twice for one assembly returns the same one.
    /// </summary>
    internal sealed class LoadContextProxy
    {
        private readonly object _context;
        private readonly MethodInfo _loadFromAssemblyPath;
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        private LoadContextProxy(object context, MethodInfo loadFromAssemblyPath)
        {
            _context = context;
            _loadFromAssemblyPath = loadFromAssemblyPath;
        }

        /// <summary>Null when the runtime has no load contexts (see <see cref="RuntimeFacts"/>).</summary>
        public static LoadContextProxy? Create(string name)
        {
            var type = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            var ctor = type?.GetConstructor(new[] { typeof(string), typeof(bool) });
            var load = type?.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            if (ctor == null || load == null)
            {
                return null;
            }
            return new LoadContextProxy(ctor.Invoke(new object[] { name, false }), load);
        }

        public Assembly LoadFromAssemblyPath(string path)
        {
            if (!_loaded.TryGetValue(path, out var assembly))
            {
                assembly = (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
                _loaded[path] = assembly;
            }
            return assembly;
        }
    }
}
