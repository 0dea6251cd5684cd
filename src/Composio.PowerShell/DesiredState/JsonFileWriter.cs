using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>Writes entries as a .json desired-state file, with the same keys as the .psd1 form.</summary>
    internal static class JsonFileWriter
    {
        public static string Write(IEnumerable<DesiredAuthConfig> entries)
        {
            using var stream = new MemoryStream();
            // Relaxed escaping keeps names readable (no \u00e9); the file is data, never embedded in HTML.
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteStartArray(DesiredStateParser.AuthConfigsKey);
                foreach (var entry in entries)
                {
                    json.WriteStartObject();
                    json.WriteString("Toolkit", entry.Toolkit);
                    json.WriteString("Name", entry.Name);
                    json.WriteString("Type", entry.Type.ToString());
                    if (entry.AuthScheme != null)
                    {
                        json.WriteString("AuthScheme", entry.AuthScheme);
                    }
                    if (entry.Credentials.Count > 0 || entry.Type == AuthConfigType.Custom)
                    {
                        json.WriteStartObject("Credentials");
                        foreach (var credential in entry.Credentials)
                        {
                            WriteCredential(json, credential);
                        }
                        json.WriteEndObject();
                    }
                    if (entry.Scopes != null)
                    {
                        WriteStrings(json, "Scopes", entry.Scopes);
                    }
                    if (entry.UserScopes != null)
                    {
                        WriteStrings(json, "UserScopes", entry.UserScopes);
                    }
                    if (entry.ToolsForConnectedAccountCreation != null)
                    {
                        WriteStrings(json, "ToolsForConnectedAccountCreation", entry.ToolsForConnectedAccountCreation);
                    }
                    if (entry.ToolsAvailableForExecution != null)
                    {
                        WriteStrings(json, "ToolsAvailableForExecution", entry.ToolsAvailableForExecution);
                    }
                    if (entry.ProxyUrl != null)
                    {
                        json.WriteString("ProxyUrl", entry.ProxyUrl);
                    }
                    if (entry.ProxyAuthKey != null)
                    {
                        WriteReference(json, "ProxyAuthKey", entry.ProxyAuthKey);
                    }
                    if (entry.EnabledForToolRouter != null)
                    {
                        json.WriteBoolean("EnabledForToolRouter", entry.EnabledForToolRouter.Value);
                    }
                    if (entry.SharedCredentials != null)
                    {
                        json.WriteStartObject("SharedCredentials");
                        foreach (var credential in entry.SharedCredentials)
                        {
                            WriteCredential(json, credential);
                        }
                        json.WriteEndObject();
                    }
                    json.WriteBoolean("Enabled", entry.Enabled);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
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
                json.WriteString("Secret", reference.Secret);
            }
            if (reference.Env != null)
            {
                json.WriteString("Env", reference.Env);
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
