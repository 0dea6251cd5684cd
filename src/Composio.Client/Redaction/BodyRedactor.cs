using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composio.Client.Redaction
{
    /// <summary>
    /// Makes a JSON body safe to show in Debug output: every credential value and every
    /// secret-named field becomes `***`, at any depth. Non-JSON text is not shown at all.
    /// </summary>
    public static class BodyRedactor
    {
        public static string Redact(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return "(empty)";
            }
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(body!);
            }
            catch (JsonException)
            {
                return $"({body!.Length} characters, not JSON)";
            }
            Walk(node, insideCredentials: false);
            return node?.ToJsonString() ?? "null";
        }

        private static void Walk(JsonNode? node, bool insideCredentials)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        var child = obj[key];
                        if (key == "credentials" || key == "shared_credentials")
                        {
                            Walk(child, insideCredentials: true);
                        }
                        else if ((insideCredentials && !(child is JsonObject) && !SecretNames.IsPublicField(key)) || SecretNames.IsSecretName(key))
                        {
                            obj[key] = child == null ? null : SecretNames.Mask;
                        }
                        else
                        {
                            Walk(child, insideCredentials);
                        }
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (insideCredentials && !(array[i] is JsonObject))
                        {
                            array[i] = SecretNames.Mask;
                        }
                        else
                        {
                            Walk(array[i], insideCredentials);
                        }
                    }
                    break;
            }
        }
    }
}
