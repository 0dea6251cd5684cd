using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// Our `dependencies/` folder and which assembly requests it answers. Windows PowerShell has one
    /// AppDomain for every module, so a request is answered only when it is ours to answer:
    /// the name is a file here, the public key token is that file's, the version asked is no newer
    /// than ours (an older one is redirected up to ours, as a binding redirect would), and the
    /// assembly asking is ours or unknown. Another module's requests (Az's, Graph's) are left to
    /// that module's own resolver, so neither ever receives the other's copy.
    /// </summary>
    internal sealed class DependencyFolder
    {
        private readonly string _folder;
        private readonly string _moduleFolder;
        private readonly Lazy<HashSet<string>> _files;
        private readonly Dictionary<string, AssemblyName> _names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);

        public DependencyFolder(string moduleFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _folder = Path.Combine(_moduleFolder, "dependencies");
            _files = new Lazy<HashSet<string>>(List);
        }

        /// <summary>The file that answers this request, or null when it is not ours to answer.</summary>
        public string? Choose(AssemblyName requested, Assembly? requester)
        {
            var name = requested.Name;
            if (name == null || !_files.Value.Contains(name) || (requester != null && !IsOurs(requester)))
            {
                return null;
            }
            var path = Path.Combine(_folder, name + ".dll");
            var ours = NameOf(path);
            if (requested.Version != null && ours.Version != null && requested.Version > ours.Version)
            {
                return null;
            }
            var token = requested.GetPublicKeyToken();
            if (token != null && token.Length > 0 && !token.SequenceEqual(ours.GetPublicKeyToken() ?? Array.Empty<byte>()))
            {
                return null;
            }
            return path;
        }

        private bool IsOurs(Assembly assembly)
        {
            string location;
            try
            {
                location = assembly.Location;
            }
            catch (NotSupportedException)
            {
                return false; // dynamic assemblies have no file
            }
            return !string.IsNullOrEmpty(location)
                && Path.GetFullPath(location).StartsWith(_moduleFolder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
        }

        private AssemblyName NameOf(string path)
        {
            lock (_names)
            {
                if (!_names.TryGetValue(path, out var name))
                {
                    name = AssemblyName.GetAssemblyName(path);
                    _names[path] = name;
                }
                return name;
            }
        }

        private HashSet<string> List()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(_folder))
            {
                foreach (var file in Directory.EnumerateFiles(_folder, "*.dll"))
                {
                    names.Add(Path.GetFileNameWithoutExtension(file));
                }
            }
            return names;
        }
    }
}
