using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Reads a .json desired-state file into the neutral node tree, keeping each value's line
    /// (the reader's byte offsets mapped to lines). Comments and trailing commas are allowed,
    /// since people edit these files by hand; a key given twice in one object is an error.
    /// </summary>
    internal static class JsonFileReader
    {
        private static readonly JsonReaderOptions s_options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
        };

        public static FileNode Read(string path)
        {
            var data = new ReadOnlySpan<byte>(DesiredStateText.Utf8(File.ReadAllBytes(path)));
            var lines = LineStarts(data);
            var reader = new Utf8JsonReader(data, s_options);
            try
            {
                if (!reader.Read())
                {
                    throw Problem(path, 1, "the file is empty; it should hold { \"AuthConfigs\": [ ... ] }.");
                }
                var root = Value(ref reader, path, lines);
                if (reader.Read())
                {
                    throw Problem(path, LineOf(lines, reader.TokenStartIndex), "more than one JSON value; the file holds one object.");
                }
                return root;
            }
            catch (JsonException ex)
            {
                // The reader's message quotes the character it stumbled on: scrubbed, as it may be part of a secret.
                var line = ex.LineNumber is long l ? (int)l + 1 : 0;
                throw Problem(path, line, ParserMessage.Scrub(ex.Message.Split(new[] { " LineNumber:" }, StringSplitOptions.None)[0].TrimEnd()));
            }
        }

        private static FileNode Value(ref Utf8JsonReader reader, string path, List<long> lines)
        {
            var line = LineOf(lines, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var entries = new List<FileMapEntry>();
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var keyLine = LineOf(lines, reader.TokenStartIndex);
                        var key = reader.GetString() ?? string.Empty;
                        if (!seen.Add(key))
                        {
                            // Keys match case-insensitively, so "Name" and "name" would be one key given twice.
                            throw Problem(path, keyLine, $"the key '{key}' is given twice in one object.");
                        }
                        reader.Read();
                        entries.Add(new FileMapEntry(key, keyLine, Value(ref reader, path, lines)));
                    }
                    return new FileMap(line, entries);
                case JsonTokenType.StartArray:
                    var items = new List<FileNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Value(ref reader, path, lines));
                    }
                    return new FileList(line, items);
                case JsonTokenType.String:
                    return new FileScalar(line, reader.GetString());
                case JsonTokenType.Number:
                    return new FileScalar(line, reader.TryGetInt64(out var whole) ? whole : (object)reader.GetDouble());
                case JsonTokenType.True:
                    return new FileScalar(line, true);
                case JsonTokenType.False:
                    return new FileScalar(line, false);
                case JsonTokenType.Null:
                    return new FileScalar(line, null);
                default:
                    throw Problem(path, line, $"unexpected {reader.TokenType}.");
            }
        }

        private static List<long> LineStarts(ReadOnlySpan<byte> data)
        {
            var starts = new List<long> { 0 };
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }
            return starts;
        }

        private static int LineOf(List<long> starts, long offset)
        {
            var index = starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        private static DesiredStateFileException Problem(string path, int line, string message) =>
            new DesiredStateFileException(path, new DesiredStateProblem("DesiredStateSyntaxError", message, line));
    }
}
