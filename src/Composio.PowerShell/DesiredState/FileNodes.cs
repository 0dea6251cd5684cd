using System.Collections.Generic;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// A desired-state file as read, before any meaning is given to it: maps, lists and scalars,
    /// each with the line it starts on (0 when the reader cannot tell). The .psd1 and .json
    /// readers both produce it, so one parser checks both formats the same way.
    /// </summary>
    internal abstract class FileNode
    {
        protected FileNode(int line) => Line = line;

        public int Line { get; }

        /// <summary>What the node is, for messages ("a string"); never its value, which may be a secret.</summary>
        public abstract string Kind { get; }
    }

    internal sealed class FileMap : FileNode
    {
        public FileMap(int line, IReadOnlyList<FileMapEntry> entries)
            : base(line) => Entries = entries;

        public IReadOnlyList<FileMapEntry> Entries { get; }

        public override string Kind => "a hashtable";
    }

    internal sealed class FileMapEntry
    {
        public FileMapEntry(string key, int line, FileNode value)
        {
            Key = key;
            Line = line;
            Value = value;
        }

        public string Key { get; }
        public int Line { get; }
        public FileNode Value { get; }
    }

    internal sealed class FileList : FileNode
    {
        public FileList(int line, IReadOnlyList<FileNode> items)
            : base(line) => Items = items;

        public IReadOnlyList<FileNode> Items { get; }

        public override string Kind => "a list";
    }

    /// <summary>A string, a boolean, a number (long or double) or null.</summary>
    internal sealed class FileScalar : FileNode
    {
        public FileScalar(int line, object? value)
            : base(line) => Value = value;

        public object? Value { get; }

        public override string Kind => Value switch
        {
            null => "null",
            string _ => "a string",
            bool _ => "a boolean",
            _ => "a number",
        };
    }
}
