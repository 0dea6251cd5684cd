using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composio.Client.Redaction
{
    /// <summary>
    /// The secret strings of one request (API key, credential values, secret-named fields), so that
    /// text coming back from the server (an error message that echoes a value) can be masked before
    /// it reaches an exception or a stream.
    /// </summary>
    internal sealed class SecretValues
    {
        // Shorter values ("1", "true") would mask ordinary words; no real secret is that short.
        private const int MinLength = 4;
        private readonly List<string> _values = new List<string>();

        public static SecretValues Of(string? apiKey, JsonNode? body)
        {
            var secrets = new SecretValues();
            secrets.Add(apiKey);
            secrets.Collect(body, insideCredentials: false, secretName: false);
            // Longest first, so a secret that contains another is masked whole.
            secrets._values.Sort((a, b) => b.Length.CompareTo(a.Length));
            return secrets;
        }

        public string? Mask(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }
            foreach (var value in _values)
            {
                if (text!.IndexOf(value, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(value, SecretNames.Mask);
                }
            }
            return text;
        }

        private void Add(string? value)
        {
            if (value != null && value.Length >= MinLength && !_values.Contains(value))
            {
                _values.Add(value);
            }
        }

        private void Collect(JsonNode? node, bool insideCredentials, bool secretName)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var pair in obj.ToList())
                    {
                        var isCredentials = pair.Key == "credentials" || pair.Key == "shared_credentials";
                        if (insideCredentials && SecretNames.IsPublicField(pair.Key) && !secretName)
                        {
                            continue;
                        }
                        // "credentials" itself names a secret-holder, not a secret: its fields are judged one by one.
                        Collect(pair.Value, insideCredentials || isCredentials, secretName || (!isCredentials && SecretNames.IsSecretName(pair.Key)));
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, insideCredentials, secretName);
                    }
                    break;
                case JsonValue value when insideCredentials || secretName:
                    Add(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                    break;
            }
        }
    }
}
