using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// The keys of a desired-state file. <see cref="Entry"/> is the one table of an entry's keys:
    /// the parser reads each row (its kind says how, its Apply where the value goes) and both
    /// writers write each row (its Read says what, null leaving the key out), so a new key is one
    /// row here. The order is the order the writers write and the parser lists valid keys in.
    /// </summary>
    internal static class DesiredStateKeys
    {
        public const string AuthConfigs = "AuthConfigs";
        public const string Prune = "Prune";
        public const string PruneToolkits = "Toolkits";
        public const string PruneName = "Name";
        /// <summary>The two keys of a secret reference: @{ Secret = 'name'; Env = 'VARIABLE' }.</summary>
        public const string Secret = "Secret";
        public const string Env = "Env";

        public static readonly IReadOnlyList<string> Root = new[] { AuthConfigs, Prune };
        public static readonly IReadOnlyList<string> PruneKeys = new[] { PruneToolkits, PruneName };
        public static readonly IReadOnlyList<string> ReferenceKeys = new[] { Secret, Env };

        /// <summary>Toolkit and Name are the identity: required, read first, so every message names the entry.</summary>
        public static readonly EntryKey Toolkit = new EntryKey("Toolkit", EntryValueKind.Text, e => e.Toolkit, (e, v) => e.Toolkit = ((string)v).ToLowerInvariant());
        public static readonly EntryKey Name = new EntryKey("Name", EntryValueKind.Text, e => e.Name, (e, v) => e.Name = (string)v);
        // Named too: the parser's rules across keys (a managed config takes no scheme, credentials or proxy) name them.
        public static readonly EntryKey AuthScheme = new EntryKey("AuthScheme", EntryValueKind.Text, e => e.AuthScheme, (e, v) => e.AuthScheme = ((string)v).ToUpperInvariant());
        // A custom config always writes its credentials, @{} when it has none to declare.
        public static readonly EntryKey Credentials = new EntryKey("Credentials", EntryValueKind.Credentials,
            e => e.Credentials.Count > 0 || e.Type == AuthConfigType.Custom ? e.Credentials : null, (e, v) => e.Credentials = (IReadOnlyList<DesiredCredential>)v);
        public static readonly EntryKey ProxyUrl = new EntryKey("ProxyUrl", EntryValueKind.Text, e => e.ProxyUrl, (e, v) => e.ProxyUrl = (string)v);
        public static readonly EntryKey ProxyAuthKey = new EntryKey("ProxyAuthKey", EntryValueKind.Secret, e => e.ProxyAuthKey, (e, v) => e.ProxyAuthKey = (SecretReference)v);

        public static readonly IReadOnlyList<EntryKey> Entry = new[]
        {
            Toolkit,
            Name,
            new EntryKey("Type", EntryValueKind.Choice, e => e.Type.ToString(), (e, v) => e.Type = (AuthConfigType)Enum.Parse(typeof(AuthConfigType), (string)v),
                Enum.GetNames(typeof(AuthConfigType))),
            AuthScheme,
            Credentials,
            new EntryKey("Scopes", EntryValueKind.CommaWords, e => e.Scopes, (e, v) => e.Scopes = (string[])v),
            new EntryKey("UserScopes", EntryValueKind.CommaWords, e => e.UserScopes, (e, v) => e.UserScopes = (string[])v),
            new EntryKey("ToolsForConnectedAccountCreation", EntryValueKind.Words, e => e.ToolsForConnectedAccountCreation, (e, v) => e.ToolsForConnectedAccountCreation = (string[])v),
            new EntryKey("ToolsAvailableForExecution", EntryValueKind.Words, e => e.ToolsAvailableForExecution, (e, v) => e.ToolsAvailableForExecution = (string[])v),
            ProxyUrl,
            ProxyAuthKey,
            new EntryKey("EnabledForToolRouter", EntryValueKind.Flag, e => e.EnabledForToolRouter, (e, v) => e.EnabledForToolRouter = (bool)v),
            new EntryKey("SharedCredentials", EntryValueKind.SecretMap, e => e.SharedCredentials, (e, v) => e.SharedCredentials = (IReadOnlyList<DesiredCredential>)v),
            new EntryKey("Enabled", EntryValueKind.Flag, e => e.Enabled, (e, v) => e.Enabled = (bool)v),
        };

        public static readonly IReadOnlyList<string> EntryNames = Entry.Select(k => k.Name).ToArray();
    }

    /// <summary>What a key's value is in the file: how the parser reads it and the writers write it.</summary>
    internal enum EntryValueKind
    {
        /// <summary>A non-empty string, trimmed.</summary>
        Text,
        /// <summary>One of <see cref="EntryKey.Choices"/>, in any case.</summary>
        Choice,
        /// <summary>A string or a list of strings (string[]).</summary>
        Words,
        /// <summary>Words that also split on commas, as the wire joins scopes (string[]).</summary>
        CommaWords,
        /// <summary>$true or $false (JSON true or false).</summary>
        Flag,
        /// <summary>A secret reference, never a value (<see cref="SecretReference"/>).</summary>
        Secret,
        /// <summary>Field = literal or secret reference; a secret-named field only as a reference.</summary>
        Credentials,
        /// <summary>Field = secret reference.</summary>
        SecretMap,
    }

    /// <summary>One key of an entry: its name, its kind, and where its value lives on <see cref="DesiredAuthConfig"/>.</summary>
    internal sealed class EntryKey
    {
        public EntryKey(string name, EntryValueKind kind, Func<DesiredAuthConfig, object?> read, Action<DesiredAuthConfig, object> apply, IReadOnlyList<string>? choices = null)
        {
            Name = name;
            Kind = kind;
            Read = read;
            Apply = apply;
            Choices = choices ?? Array.Empty<string>();
        }

        public string Name { get; }

        public EntryValueKind Kind { get; }

        /// <summary>The entry's value to write; null leaves the key out of the file (not managed).</summary>
        public Func<DesiredAuthConfig, object?> Read { get; }

        /// <summary>Puts a value the parser read (never null) on the entry.</summary>
        public Action<DesiredAuthConfig, object> Apply { get; }

        /// <summary>A <see cref="EntryValueKind.Choice"/>'s words.</summary>
        public IReadOnlyList<string> Choices { get; }
    }
}
