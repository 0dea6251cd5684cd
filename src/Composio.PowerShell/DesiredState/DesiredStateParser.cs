using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Composio.Client.Redaction;
using Composio.Client.Validation;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Gives the node tree of a desired-state file its meaning and checks everything that needs no
    /// server: known keys, value kinds, identities unique, type and scheme consistent, no secret
    /// written in clear (by name; the toolkit's own secret fields are checked later, see
    /// <see cref="DesiredStateValidator"/>). Collects every problem, then throws them together.
    /// </summary>
    internal sealed class DesiredStateParser
    {
        private const string AuthConfigsKey = DesiredStateKeys.AuthConfigs;

        private readonly string _path;
        private readonly List<DesiredStateProblem> _problems = new List<DesiredStateProblem>();

        private DesiredStateParser(string path) => _path = path;

        /// <summary>Reads and parses a .psd1 or .json file; throws <see cref="DesiredStateFileException"/> on any problem.</summary>
        public static DesiredStateFile Load(string path)
        {
            FileNode root;
            switch (DesiredStateFormats.Of(path))
            {
                case DesiredStateFormat.Psd1:
                    root = PowerShellDataReader.Read(path);
                    break;
                case DesiredStateFormat.Json:
                    root = JsonFileReader.Read(path);
                    break;
                default:
                    throw new DesiredStateFileException(path, DesiredStateFormats.Unsupported(path));
            }
            return Parse(path, root);
        }

        public static DesiredStateFile Parse(string path, FileNode root)
        {
            var parser = new DesiredStateParser(path);
            var file = parser.Root(root);
            if (parser._problems.Count > 0)
            {
                throw new DesiredStateFileException(path, parser._problems);
            }
            return file!;
        }

        private DesiredStateFile? Root(FileNode node)
        {
            if (!(node is FileMap root))
            {
                Add("DesiredStateInvalidValue", $"the file must hold one hashtable (JSON object) with the key {AuthConfigsKey}; it holds {node.Kind}.", node.Line);
                return null;
            }
            var keys = Keys(root, DesiredStateKeys.Root, null);
            var entries = new List<DesiredAuthConfig>();
            if (!keys.TryGetValue(AuthConfigsKey, out var list))
            {
                Add("DesiredStateMissingKey", $"the key {AuthConfigsKey} is missing: it lists the auth configs, e.g. {AuthConfigsKey} = @( @{{ Toolkit = 'github'; Name = 'GitHub' }} ). An empty list is allowed.", root.Line);
            }
            else
            {
                var items = list.Value is FileList l ? l.Items : list.Value is FileMap single ? new[] { single } : null;
                if (items == null)
                {
                    Add("DesiredStateInvalidValue", $"{AuthConfigsKey} must be a list of hashtables; it is {list.Value.Kind}.", list.Line);
                }
                else
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        var entry = Entry(items[i], i + 1);
                        if (entry != null)
                        {
                            entries.Add(entry);
                        }
                    }
                }
            }
            CheckUniqueIdentities(entries);
            var prune = keys.TryGetValue(DesiredStateKeys.Prune, out var pruneEntry) ? Prune(pruneEntry) : null;
            return new DesiredStateFile(_path, entries, prune);
        }

        private DesiredAuthConfig? Entry(FileNode node, int index)
        {
            var where = $"entry {index}";
            if (!(node is FileMap map))
            {
                Add("DesiredStateInvalidValue", $"each item of {AuthConfigsKey} must be a hashtable; this one is {node.Kind}.", node.Line, where);
                return null;
            }
            // Named by its identity from the start, when it has one, so every message says which config it is.
            if (Peek(map, DesiredStateKeys.Toolkit.Name) is string peekToolkit && Peek(map, DesiredStateKeys.Name.Name) is string peekName)
            {
                where = $"entry {index} (toolkit '{peekToolkit.ToLowerInvariant()}', name '{peekName}')";
            }
            var keys = Keys(map, DesiredStateKeys.EntryNames, where);
            var toolkit = RequiredText(keys, DesiredStateKeys.Toolkit.Name, map, where);
            var name = RequiredText(keys, DesiredStateKeys.Name.Name, map, where);
            if (toolkit != null && !ApiIdentifiers.IsToolkitSlug(toolkit))
            {
                Add("DesiredStateInvalidValue", $"Toolkit '{toolkit}' is not a toolkit slug (letters, digits, '-' and '_', e.g. 'github').", keys[DesiredStateKeys.Toolkit.Name].Line, where);
                toolkit = null;
            }
            if (toolkit == null || name == null)
            {
                return null;
            }
            var entry = new DesiredAuthConfig { Index = index, Line = map.Line };
            DesiredStateKeys.Toolkit.Apply(entry, toolkit);
            DesiredStateKeys.Name.Apply(entry, name);
            where = entry.Label;

            foreach (var key in DesiredStateKeys.Entry)
            {
                if (key != DesiredStateKeys.Toolkit && key != DesiredStateKeys.Name && keys.TryGetValue(key.Name, out var given)
                    && Value(key, given, where) is object value)
                {
                    key.Apply(entry, value);
                }
            }

            // Rules across keys.
            keys.TryGetValue(DesiredStateKeys.AuthScheme.Name, out var scheme);
            keys.TryGetValue(DesiredStateKeys.Credentials.Name, out var credentials);
            keys.TryGetValue(DesiredStateKeys.ProxyUrl.Name, out var proxyUrl);
            if (keys.TryGetValue(DesiredStateKeys.ProxyAuthKey.Name, out var proxyKey) && proxyUrl == null)
            {
                Add("DesiredStateInvalidValue", "ProxyAuthKey needs ProxyUrl: the API sets a proxy as a whole.", proxyKey.Line, where);
            }
            if (entry.Type == AuthConfigType.ComposioManaged)
            {
                if (scheme != null)
                {
                    Add("DesiredStateSchemeMismatch", "AuthScheme is given for a ComposioManaged config; Composio picks the scheme of its own app. Remove AuthScheme, or set Type = 'Custom' with your own credentials.", scheme.Line, where);
                }
                if (credentials != null)
                {
                    Add("DesiredStateSchemeMismatch", "Credentials are given for a ComposioManaged config, which has no credentials of yours. Use Scopes for its scopes, or set Type = 'Custom'.", credentials.Line, where);
                }
                if (proxyUrl != null)
                {
                    Add("DesiredStateSchemeMismatch", "ProxyUrl is given for a ComposioManaged config, which goes through Composio's own app; a proxy is for Custom configs.", proxyUrl.Line, where);
                }
            }
            else if (entry.AuthScheme == null && scheme == null)
            {
                Add("DesiredStateSchemeMismatch", "a Custom config needs AuthScheme (e.g. 'OAUTH2' or 'API_KEY'); Get-ComposioToolkit shows the schemes a toolkit offers.", map.Line, where);
            }
            return entry;
        }

        /// <summary>The value of one key, read as its kind says; null, with the problem noted, when it cannot be used.</summary>
        private object? Value(EntryKey key, FileMapEntry node, string where)
        {
            switch (key.Kind)
            {
                case EntryValueKind.Text:
                    return Text(node, where);
                case EntryValueKind.Choice:
                    var text = Text(node, where);
                    var known = key.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                    if (text != null && known == null)
                    {
                        Add("DesiredStateInvalidValue", $"{key.Name} '{text}' is not known; use {string.Join(" or ", key.Choices)}.", node.Line, where);
                    }
                    return known;
                case EntryValueKind.Words:
                    return Strings(node, where, splitCommas: false);
                case EntryValueKind.CommaWords:
                    return Strings(node, where, splitCommas: true);
                case EntryValueKind.Flag:
                    return Flag(node, key.Name, where);
                case EntryValueKind.Secret:
                    if (node.Value is FileMap reference)
                    {
                        return Reference(reference, key.Name, where);
                    }
                    AddSecretInFile(key.Name, node.Line, where);
                    return null;
                case EntryValueKind.Credentials:
                    return Credentials(node, where);
                case EntryValueKind.SecretMap:
                    return SharedCredentials(node, where);
                default:
                    throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "A desired-state key of an unknown kind.");
            }
        }

        private IReadOnlyList<DesiredCredential> Credentials(FileMapEntry node, string where)
        {
            var result = new List<DesiredCredential>();
            if (!(node.Value is FileMap map))
            {
                Add("DesiredStateInvalidValue", $"Credentials must be a hashtable of field name = value; it is {node.Value.Kind}.", node.Line, where);
                return result;
            }
            foreach (var pair in map.Entries)
            {
                if (string.IsNullOrWhiteSpace(pair.Key))
                {
                    Add("DesiredStateInvalidValue", "Credentials has an empty field name.", pair.Line, where);
                    continue;
                }
                if (string.Equals(pair.Key, CredentialFields.Scopes, StringComparison.OrdinalIgnoreCase))
                {
                    Add("DesiredStateInvalidValue", "scopes is given in Credentials; give it as the entry's Scopes key, which is compared as a set.", pair.Line, where);
                    continue;
                }
                switch (pair.Value)
                {
                    case FileMap reference:
                        var parsed = Reference(reference, pair.Key, where);
                        if (parsed != null)
                        {
                            result.Add(new DesiredCredential(pair.Key, pair.Line, null, parsed));
                        }
                        break;
                    case FileScalar scalar when scalar.Value is string || scalar.Value is bool || scalar.Value is long || scalar.Value is double:
                        if (SecretNames.IsSecretName(pair.Key))
                        {
                            AddSecretInFile(pair.Key, pair.Line, where);
                        }
                        else
                        {
                            result.Add(new DesiredCredential(pair.Key, pair.Line, scalar.Value, null));
                        }
                        break;
                    default:
                        Add("DesiredStateInvalidValue", $"credential field '{pair.Key}' is {pair.Value.Kind}; use a string, number or boolean, or a secret reference @{{ Secret = 'name' }} / @{{ Env = 'VARIABLE' }}.", pair.Line, where);
                        break;
                }
            }
            return result;
        }

        /// <summary>$true or $false (JSON true or false); null, with the problem noted, otherwise.</summary>
        private bool? Flag(FileMapEntry node, string key, string where)
        {
            if (node.Value is FileScalar { Value: bool on })
            {
                return on;
            }
            Add("DesiredStateInvalidValue", $"{key} must be $true or $false (JSON true or false); it is {node.Value.Kind}.", node.Line, where);
            return null;
        }

        /// <summary>Shared credentials are secrets every connection uses: each value must be a secret reference. @{} clears them.</summary>
        private IReadOnlyList<DesiredCredential>? SharedCredentials(FileMapEntry node, string where)
        {
            if (!(node.Value is FileMap map))
            {
                Add("DesiredStateInvalidValue", $"SharedCredentials must be a hashtable of field name = secret reference; it is {node.Value.Kind}.", node.Line, where);
                return null;
            }
            var result = new List<DesiredCredential>();
            foreach (var pair in map.Entries)
            {
                if (pair.Value is FileMap reference)
                {
                    var parsed = Reference(reference, pair.Key, where);
                    if (parsed != null)
                    {
                        result.Add(new DesiredCredential(pair.Key, pair.Line, null, parsed));
                    }
                }
                else
                {
                    AddSecretInFile(pair.Key, pair.Line, where);
                }
            }
            return result;
        }

        private void AddSecretInFile(string key, int line, string where) =>
            Add("DesiredStateSecretInFile",
                $"credential field '{key}' is a secret, and its value is written in the file. Secrets never go in the file: write {key} = @{{ Secret = '<name>' }} and pass -Secret @{{ '<name>' = <SecureString> }}, or {key} = @{{ Env = '<VARIABLE>' }}.",
                line, where);

        private SecretReference? Reference(FileMap map, string key, string where)
        {
            string? secret = null;
            string? env = null;
            foreach (var pair in map.Entries)
            {
                var known = DesiredStateKeys.ReferenceKeys.FirstOrDefault(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    Add("DesiredStateUnknownKey", $"the secret reference of '{key}' has the unknown key '{pair.Key}'; a reference holds Secret = '<name>' (looked up in -Secret), Env = '<VARIABLE>', or both.", pair.Line, where);
                    return null;
                }
                var text = pair.Value is FileScalar { Value: string s } && s.Trim().Length > 0 ? s.Trim() : null;
                if (text == null || (known == DesiredStateKeys.Env && text.IndexOf('=') >= 0))
                {
                    Add("DesiredStateInvalidValue", $"{known} in the secret reference of '{key}' must be a non-empty name{(known == DesiredStateKeys.Env ? " of an environment variable" : string.Empty)}.", pair.Line, where);
                    return null;
                }
                if (known == DesiredStateKeys.Secret)
                {
                    secret = text;
                }
                else
                {
                    env = text;
                }
            }
            if (secret == null && env == null)
            {
                Add("DesiredStateInvalidValue", $"the value of '{key}' is a hashtable but not a secret reference; write @{{ Secret = '<name>' }}, @{{ Env = '<VARIABLE>' }} or both.", map.Line, where);
                return null;
            }
            return new SecretReference(secret, env);
        }

        private PruneScope? Prune(FileMapEntry node)
        {
            const string where = "Prune";
            if (!(node.Value is FileMap map))
            {
                Add("DesiredStateInvalidValue", $"Prune must be a hashtable such as @{{ Toolkits = 'github', 'slack'; Name = 'prod-*' }}; it is {node.Value.Kind}.", node.Line);
                return null;
            }
            var keys = Keys(map, DesiredStateKeys.PruneKeys, where);
            string[]? toolkits = null;
            if (!keys.TryGetValue(DesiredStateKeys.PruneToolkits, out var toolkitNode))
            {
                Add("DesiredStateMissingKey", "Prune needs Toolkits: the toolkits whose configs -Prune may remove.", map.Line, where);
            }
            else
            {
                toolkits = Strings(toolkitNode, where, splitCommas: false);
                var bad = toolkits?.FirstOrDefault(t => !ApiIdentifiers.IsToolkitSlug(t));
                if (bad != null)
                {
                    Add("DesiredStateInvalidValue", $"Prune Toolkits: '{bad}' is not a toolkit slug.", toolkitNode.Line, where);
                    toolkits = null;
                }
                else if (toolkits != null && toolkits.Length == 0)
                {
                    Add("DesiredStateInvalidValue", "Prune Toolkits is empty; name at least one toolkit.", toolkitNode.Line, where);
                    toolkits = null;
                }
            }
            // Required, not defaulted to '*': what a prune may delete is written out in full.
            var name = RequiredText(keys, DesiredStateKeys.PruneName, map, where, "Prune needs Name: a name pattern with * and ? (Name = '*' for every name).");
            return toolkits == null || name == null
                ? null
                : new PruneScope(toolkits.Select(t => t.ToLowerInvariant()).Distinct().ToArray(), name, map.Line);
        }

        private void CheckUniqueIdentities(List<DesiredAuthConfig> entries)
        {
            foreach (var group in entries.GroupBy(e => e.Identity, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var first = group.First();
                foreach (var duplicate in group.Skip(1))
                {
                    Add("DesiredStateDuplicateIdentity",
                        $"toolkit '{duplicate.Toolkit}' and name '{duplicate.Name}' are already declared by entry {first.Index} (line {first.Line}); toolkit + name identify a config and must be unique in the file.",
                        duplicate.Line, $"entry {duplicate.Index}");
                }
            }
        }

        private static string? Peek(FileMap map, string key) =>
            map.Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value is FileScalar { Value: string s } && s.Trim().Length > 0 ? s : null;

        /// <summary>The map's entries by canonical key; unknown keys are reported with the valid ones.</summary>
        private Dictionary<string, FileMapEntry> Keys(FileMap map, IReadOnlyList<string> valid, string? where)
        {
            var result = new Dictionary<string, FileMapEntry>(StringComparer.Ordinal);
            foreach (var pair in map.Entries)
            {
                var known = valid.FirstOrDefault(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    Add("DesiredStateUnknownKey", $"unknown key '{pair.Key}'. Valid keys here: {string.Join(", ", valid)}.", pair.Line, where);
                }
                else
                {
                    result[known] = pair;
                }
            }
            return result;
        }

        private string? RequiredText(Dictionary<string, FileMapEntry> keys, string key, FileMap map, string? where, string? missingMessage = null)
        {
            if (!keys.TryGetValue(key, out var node))
            {
                Add("DesiredStateMissingKey", missingMessage ?? $"the key {key} is missing; every entry needs Toolkit and Name, its identity.", map.Line, where);
                return null;
            }
            return Text(node, where);
        }

        private string? Text(FileMapEntry node, string? where)
        {
            // The whitespace rule: text is trimmed, as for parameters and CSV cells.
            if (node.Value is FileScalar { Value: string s } && s.Trim().Length > 0)
            {
                return s.Trim();
            }
            Add("DesiredStateInvalidValue", $"{node.Key} must be a non-empty string; it is {(node.Value is FileScalar { Value: string _ } ? "empty" : node.Value.Kind)}.", node.Line, where);
            return null;
        }

        /// <summary>A string or a list of strings; trimmed, empty items dropped. Scopes also split on commas, as the wire joins them.</summary>
        private string[]? Strings(FileMapEntry node, string? where, bool splitCommas)
        {
            var items = node.Value is FileList list ? list.Items : new[] { node.Value };
            var result = new List<string>();
            foreach (var item in items)
            {
                if (!(item is FileScalar { Value: string s }))
                {
                    Add("DesiredStateInvalidValue", $"{node.Key} must be a string or a list of strings; it holds {item.Kind}.", item.Line == 0 ? node.Line : item.Line, where);
                    return null;
                }
                var parts = splitCommas ? s.Split(',') : new[] { s };
                result.AddRange(parts.Select(p => p.Trim()).Where(p => p.Length > 0));
            }
            return result.ToArray();
        }

        private void Add(string errorId, string message, int line, string? where = null) =>
            _problems.Add(new DesiredStateProblem(errorId, message, line, where));
    }
}
