using System;
using System.Collections.Generic;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>A parsed desired-state file: the configs it declares and the scope -Prune may clean.</summary>
    internal sealed class DesiredStateFile
    {
        public DesiredStateFile(string path, IReadOnlyList<DesiredAuthConfig> authConfigs, PruneScope? prune)
        {
            Path = path;
            AuthConfigs = authConfigs;
            Prune = prune;
        }

        public string Path { get; }
        public IReadOnlyList<DesiredAuthConfig> AuthConfigs { get; }
        public PruneScope? Prune { get; }
    }

    /// <summary>One declared auth config. Its identity is toolkit + name.</summary>
    internal sealed class DesiredAuthConfig
    {
        /// <summary>1-based position in the file, for messages.</summary>
        public int Index { get; set; }
        public int Line { get; set; }
        /// <summary>Lowercase slug.</summary>
        public string Toolkit { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public AuthConfigType Type { get; set; } = AuthConfigType.ComposioManaged;
        /// <summary>Uppercase; custom configs only.</summary>
        public string? AuthScheme { get; set; }
        /// <summary>In file order; custom configs only.</summary>
        public IReadOnlyList<DesiredCredential> Credentials { get; set; } = Array.Empty<DesiredCredential>();
        /// <summary>Null: not managed by the file (left as the server has it).</summary>
        public string[]? Scopes { get; set; }
        /// <summary>Null: not managed by the file.</summary>
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        /// <summary>Null: not managed by the file. Managed configs: top-level user_scopes; custom: credentials.user_scopes.</summary>
        public string[]? UserScopes { get; set; }
        /// <summary>The execution-tool restriction (tool_access_config.tools_available_for_execution); null: not managed.</summary>
        public string[]? ToolsAvailableForExecution { get; set; }
        /// <summary>Custom configs: the proxy; null: not managed.</summary>
        public string? ProxyUrl { get; set; }
        /// <summary>The proxy's key, always a reference (a secret).</summary>
        public SecretReference? ProxyAuthKey { get; set; }
        /// <summary>is_enabled_for_tool_router; null: not managed.</summary>
        public bool? EnabledForToolRouter { get; set; }
        /// <summary>Shared credentials, every value a reference; null: not managed; empty: none wanted.</summary>
        public IReadOnlyList<DesiredCredential>? SharedCredentials { get; set; }
        /// <summary>A declared config is wanted enabled unless the file says otherwise.</summary>
        public bool Enabled { get; set; } = true;

        public string Identity => IdentityOf(Toolkit, Name);

        /// <summary>What a message calls the entry: "entry 2 (toolkit 'github', name 'ci')".</summary>
        public string Label => $"entry {Index} (toolkit '{Toolkit}', name '{Name}')";

        /// <summary>Toolkit slugs compare case-insensitively; names exactly, as the server stores them.</summary>
        public static string IdentityOf(string toolkit, string? name) => toolkit.ToLowerInvariant() + "\n" + name;
    }

    /// <summary>A credential field's value: a literal written in the file, or a reference to a secret kept elsewhere.</summary>
    internal sealed class DesiredCredential
    {
        public DesiredCredential(string key, int line, object? literal, SecretReference? reference)
        {
            Key = key;
            Line = line;
            Literal = literal;
            Reference = reference;
        }

        public string Key { get; }
        public int Line { get; }
        /// <summary>A string, boolean or number; null when <see cref="Reference"/> is set.</summary>
        public object? Literal { get; }
        public SecretReference? Reference { get; }
    }

    /// <summary>
    /// `@{ Secret = 'name' }`, `@{ Env = 'VARIABLE' }` or both: where a secret value comes from.
    /// -Secret's entry of that name wins; the environment variable is the fallback.
    /// </summary>
    internal sealed class SecretReference
    {
        public SecretReference(string? secret, string? env)
        {
            Secret = secret;
            Env = env;
        }

        public string? Secret { get; }
        public string? Env { get; }

        /// <summary>Where the value is looked for, names only: "the -Secret entry 'x' or the environment variable Y".</summary>
        public string Source =>
            Secret != null && Env != null ? $"the -Secret entry '{Secret}' or the environment variable {Env}"
            : Secret != null ? $"the -Secret entry '{Secret}'"
            : $"the environment variable {Env}";
    }

    /// <summary>Which server configs -Prune may remove: those of these toolkits whose name matches the pattern.</summary>
    internal sealed class PruneScope
    {
        private readonly NamePattern _name;

        public PruneScope(string[] toolkits, string namePattern, int line)
        {
            Toolkits = toolkits;
            NamePattern = namePattern;
            Line = line;
            _name = new NamePattern(namePattern);
        }

        public string[] Toolkits { get; }
        public string NamePattern { get; }
        public int Line { get; }

        public bool Covers(string toolkit, string? name) =>
            Array.Exists(Toolkits, t => string.Equals(t, toolkit, StringComparison.OrdinalIgnoreCase)) && _name.IsMatch(name ?? string.Empty);
    }
}
