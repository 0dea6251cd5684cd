using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Composio.Client.Json
{
    /// <summary>
    /// Reading answers tolerantly (the published spec types most members loosely): every member of
    /// a wire type gets a converter that takes what it can (`"true"` for a boolean, `3.0` for an
    /// integer, a number for a string) and leaves a member it cannot read empty, noting it in
    /// <see cref="ReadProblems"/>, instead of failing the whole answer. Lists drop only the items
    /// they cannot read. Only the answer's top level must have the expected shape.
    /// </summary>
    internal static class TolerantRead
    {
        /// <summary>Installs the member converters on every object type the resolver describes.</summary>
        public static void Modify(JsonTypeInfo type)
        {
            if (type.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }
            foreach (var member in type.Properties)
            {
                if (member.Set != null)
                {
                    member.CustomConverter = For(member.PropertyType, member.Name);
                }
            }
        }

        private static JsonConverter For(Type type, string name)
        {
            if (type == typeof(bool?)) return new BoolMember(name);
            if (type == typeof(int?)) return new IntMember(name);
            if (type == typeof(string)) return new StringMember(name);
            if (type == typeof(JsonElement?) || type == typeof(JsonElement)) return (JsonConverter)Activator.CreateInstance(typeof(AnyMember<>).MakeGenericType(type));
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                return (JsonConverter)Activator.CreateInstance(typeof(ListMember<>).MakeGenericType(type.GetGenericArguments()[0]), name);
            }
            return (JsonConverter)Activator.CreateInstance(typeof(ObjectMember<>).MakeGenericType(type), name);
        }

        internal static string Excerpt(JsonElement value)
        {
            var text = value.ValueKind == JsonValueKind.Object ? "an object"
                : value.ValueKind == JsonValueKind.Array ? "an array"
                : value.GetRawText();
            return text.Length > 40 ? text.Substring(0, 40) + "…" : text;
        }

        /// <summary>Parses one value whole, so a failure leaves the reader at the next member.</summary>
        internal static JsonElement Take(ref Utf8JsonReader reader)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.Clone();
        }

        private sealed class BoolMember : JsonConverter<bool?>
        {
            private readonly string _name;
            public BoolMember(string name) => _name = name;

            public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var value = Take(ref reader);
                switch (value.ValueKind)
                {
                    case JsonValueKind.True: return true;
                    case JsonValueKind.False: return false;
                    case JsonValueKind.String when bool.TryParse(value.GetString()?.Trim(), out var b): return b;
                    case JsonValueKind.Number when value.TryGetDouble(out var n) && (n == 0 || n == 1): return n == 1;
                }
                ReadProblems.Note($"{_name} ({Excerpt(value)} is not true or false)");
                return null;
            }

            public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value);
        }

        private sealed class IntMember : JsonConverter<int?>
        {
            private readonly string _name;
            public IntMember(string name) => _name = name;

            public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var value = Take(ref reader);
                double number = double.NaN;
                if (value.ValueKind == JsonValueKind.Number)
                {
                    value.TryGetDouble(out number);
                }
                else if (value.ValueKind == JsonValueKind.String
                    && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    number = parsed;
                }
                // `3.0` is an integer the spec's `number` allows; `3.5` or text is not one.
                if (!double.IsNaN(number) && Math.Floor(number) == number && number >= int.MinValue && number <= int.MaxValue)
                {
                    return (int)number;
                }
                ReadProblems.Note($"{_name} ({Excerpt(value)} is not a whole number)");
                return null;
            }

            public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value);
        }

        private sealed class StringMember : JsonConverter<string>
        {
            private readonly string _name;
            public StringMember(string name) => _name = name;

            public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var value = Take(ref reader);
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: return value.GetString();
                    case JsonValueKind.Number:
                    case JsonValueKind.True:
                    case JsonValueKind.False: return value.GetRawText();
                }
                ReadProblems.Note($"{_name} ({Excerpt(value)} where text was expected)");
                return null;
            }

            public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
        }

        private sealed class AnyMember<T> : JsonConverter<T>
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                (T)(object)Take(ref reader);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value);
        }

        /// <summary>
        /// An object member: read with the type's own converter (a member converter is not used for
        /// the type itself, so this does not recurse), left empty when it is not an object or fails.
        /// </summary>
        private sealed class ObjectMember<T> : JsonConverter<T>
        {
            private readonly string _name;
            public ObjectMember(string name) => _name = name;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                ReadValue<T>(Take(ref reader), _name, options);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, options);
        }

        /// <summary>A list member: an item that cannot be read is dropped, not the list.</summary>
        private sealed class ListMember<TItem> : JsonConverter<List<TItem>>
        {
            private readonly string _name;
            public ListMember(string name) => _name = name;

            public override List<TItem>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var value = Take(ref reader);
                if (value.ValueKind != JsonValueKind.Array)
                {
                    ReadProblems.Note($"{_name} ({Excerpt(value)} where a list was expected)");
                    return null;
                }
                var items = new List<TItem>();
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    var item = ReadValue<TItem>(element, $"{_name}[{index++}]", options);
                    if (item != null)
                    {
                        items.Add(item);
                    }
                }
                return items;
            }

            public override void Write(Utf8JsonWriter writer, List<TItem> value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, value, options);
        }

        private static T ReadValue<T>(JsonElement value, string name, JsonSerializerOptions options)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return default!;
            }
            var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (type == typeof(JsonElement))
            {
                return (T)(object)value;
            }
            var expectObject = type.IsClass && type != typeof(string) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>));
            if (expectObject && value.ValueKind != JsonValueKind.Object)
            {
                ReadProblems.Note($"{name} ({Excerpt(value)} where an object was expected)");
                return default!;
            }
            if (type == typeof(string))
            {
                if (value.ValueKind == JsonValueKind.String || value.ValueKind == JsonValueKind.Number || value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                {
                    return (T)(object)(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                }
                ReadProblems.Note($"{name} ({Excerpt(value)} where text was expected)");
                return default!;
            }
            try
            {
                return value.Deserialize<T>(options)!;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                ReadProblems.Note($"{name} ({Excerpt(value)} could not be read)");
                return default!;
            }
        }
    }
}
