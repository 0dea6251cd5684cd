using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>Writes entries as a .json desired-state file with Utf8JsonWriter, key by key as <see cref="DesiredStateKeys.Entry"/> lists them, like the .psd1 form.</summary>
    internal static class JsonFileWriter
    {
        public static string Write(IEnumerable<DesiredAuthConfig> entries)
        {
            using var stream = new MemoryStream();
            // Relaxed escaping keeps names readable (no \u00e9); the file is data, never embedded in HTML.
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteStartArray(DesiredStateKeys.AuthConfigs);
                foreach (var entry in entries)
                {
                    json.WriteStartObject();
                    foreach (var key in DesiredStateKeys.Entry)
                    {
                        if (key.Read(entry) is object value)
                        {
                            WriteKey(json, key, value);
                        }
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteKey(Utf8JsonWriter json, EntryKey key, object value)
        {
            switch (key.Kind)
            {
                case EntryValueKind.Text:
                case EntryValueKind.Choice:
                    json.WriteString(key.Name, (string)value);
                    break;
                case EntryValueKind.Words:
                case EntryValueKind.CommaWords:
                    WriteStrings(json, key.Name, (IEnumerable<string>)value);
                    break;
                case EntryValueKind.Flag:
                    json.WriteBoolean(key.Name, (bool)value);
                    break;
                case EntryValueKind.Secret:
                    WriteReference(json, key.Name, (SecretReference)value);
                    break;
                case EntryValueKind.Credentials:
                case EntryValueKind.SecretMap:
                    json.WriteStartObject(key.Name);
                    foreach (var credential in (IReadOnlyList<DesiredCredential>)value)
                    {
                        WriteCredential(json, credential);
                    }
                    json.WriteEndObject();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "A desired-state key of an unknown kind.");
            }
        }

        private static void WriteCredential(Utf8JsonWriter json, DesiredCredential credential)
        {
            if (credential.Reference != null)
            {
                WriteReference(json, credential.Key, credential.Reference);
                return;
            }
            switch (credential.Literal)
            {
                case bool b:
                    json.WriteBoolean(credential.Key, b);
                    break;
                case long l:
                    json.WriteNumber(credential.Key, l);
                    break;
                case double d:
                    json.WriteNumber(credential.Key, d);
                    break;
                default:
                    json.WriteString(credential.Key, credential.Literal?.ToString());
                    break;
            }
        }

        private static void WriteReference(Utf8JsonWriter json, string key, SecretReference reference)
        {
            json.WriteStartObject(key);
            if (reference.Secret != null)
            {
                json.WriteString(DesiredStateKeys.Secret, reference.Secret);
            }
            if (reference.Env != null)
            {
                json.WriteString(DesiredStateKeys.Env, reference.Env);
            }
            json.WriteEndObject();
        }

        private static void WriteStrings(Utf8JsonWriter json, string key, IEnumerable<string> values)
        {
            json.WriteStartArray(key);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }
            json.WriteEndArray();
        }
    }
}
