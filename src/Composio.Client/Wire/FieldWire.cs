using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Composio.Client.Redaction;

namespace Composio.Client.Wire
{
    internal sealed class FieldWire
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("required")] public bool? Required { get; set; }
        [JsonPropertyName("default")] public JsonElement? Default { get; set; }
        [JsonPropertyName("is_secret")] public bool? IsSecret { get; set; }
        [JsonPropertyName("legacy_template_name")] public string? LegacyTemplateName { get; set; }
        [JsonPropertyName("user_visible")] public bool? UserVisible { get; set; }

        public AuthConfigField ToModel(string toolkit, string scheme, bool? forceRequired = null)
        {
            var name = Name ?? string.Empty;
            return new AuthConfigField
            {
                Toolkit = toolkit,
                AuthScheme = scheme,
                Name = name,
                DisplayName = DisplayName,
                Type = string.IsNullOrEmpty(Type) ? "string" : Type!,
                Description = Description,
                Required = forceRequired ?? Required ?? false,
                Default = JsonValues.AsString(Default),
                IsSecret = (IsSecret ?? false) || SecretNames.IsSecretName(name),
                LegacyTemplateName = LegacyTemplateName,
                UserVisible = UserVisible ?? true,
            };
        }
    }

    internal sealed class FieldGroupWire
    {
        [JsonPropertyName("required")] public List<FieldWire>? Required { get; set; }
        [JsonPropertyName("optional")] public List<FieldWire>? Optional { get; set; }

        /// <summary>Required fields (forced required, as the SDK does) then optional ones.</summary>
        public AuthConfigField[] ToModels(string toolkit, string scheme) =>
            (Required ?? new List<FieldWire>()).Select(f => f.ToModel(toolkit, scheme, true))
            .Concat((Optional ?? new List<FieldWire>()).Select(f => f.ToModel(toolkit, scheme, false)))
            .ToArray();
    }
}
