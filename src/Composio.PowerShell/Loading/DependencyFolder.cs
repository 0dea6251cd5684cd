using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Composio.PowerShell.Loading
{
    /// <summary>
    /// Our `dependencies/` folder and which assembly requests it answers. Windows PowerShell has one
    /// AppDomain for every module, so a request is answered only when it is ours to answer (as
    /// PSResourceGet's resolver does, requester and full name checked): the assembly asking is ours
    /// (a file in our module folder), or none is named (.NET Framework may not say); the name is a
    /// file here, and the culture and public key token are that file's; the version asked is no newer
    /// than ours (an older one is redirected up to ours, as a binding redirect would). Another
    /// module's requests (Az's, Graph's, a script's dynamic assembly) are left to their own resolvers,
    /// so neither ever receives the other's copy. A request is answered from the ReadyToRun image in
    /// `dependencies/&lt;rid&gt;/` when <see cref="NativeImageFolder"/> chose that folder for this
    /// process and it holds the file, else from the IL file; the checks read the file answered with.
    /// </summary>
    internal sealed class DependencyFolder
    {
        private readonly string _folder;
        private readonly string _moduleFolder;
        private readonly Lazy<Dictionary<string, string>> _files;
        private readonly Dictionary<string, AssemblyName> _names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);

        public DependencyFolder(string moduleFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _folder = Path.Combine(_moduleFolder, "dependencies");
            _files = new Lazy<Dictionary<string, string>>(List);
        }

        /// <summary>The file that answers this request, or null when it is not ours to answer.</summary>
        public string? Choose(AssemblyName requested, Assembly? requester)
        {
            var name = requested.Name;
            if (name == null || !_files.Value.TryGetValue(name, out var path) || (requester != null && !IsOurs(requester)))
            {
                return null;
            }
            var ours = NameOf(path);
            if (requested.Version != null && ours.Version != null && requested.Version > ours.Version)
            {
                return null;
            }
            if (requested.CultureName != null && !string.Equals(requested.CultureName, ours.CultureName, StringComparison.OrdinalIgnoreCase))
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

        /// <summary>
        /// Loaded from a file in our module folder: the module itself or one of our dependencies. An
        /// assembly without a file (dynamic, or loaded from bytes) is not ours: we load only files.
        /// </summary>
        private bool IsOurs(Assembly assembly)
        {
            string location;
            try
            {
                location = assembly.Location;
            }
            catch (NotSupportedException)
            {
                return false;
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

        /// <summary>Each assembly name here → the file that answers it: its image, else its IL file.</summary>
        private Dictionary<string, string> List()
        {
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(_folder))
            {
                return files;
            }
            foreach (var file in Directory.EnumerateFiles(_folder, "*.dll"))
            {
                files[Path.GetFileNameWithoutExtension(file)] = file;
            }
            var native = NativeImageFolder.ForThisProcess(Directory.EnumerateDirectories(_folder).Select(Path.GetFileName));
            if (native != null)
            {
                foreach (var image in Directory.EnumerateFiles(Path.Combine(_folder, native), "*.dll"))
                {
                    var name = Path.GetFileNameWithoutExtension(image);
                    if (files.ContainsKey(name))
                    {
                        files[name] = image;
                    }
                }
            }
            return files;
        }
    }
}
