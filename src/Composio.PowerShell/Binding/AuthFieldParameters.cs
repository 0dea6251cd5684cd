using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// The dynamic parameters of one toolkit scheme's creation fields (after azure-powershell's
    /// TemplateUtility): one per field, never Mandatory — a missing required field is reported
    /// with all the others by name instead of a prompt in the middle of a script.
    /// </summary>
    internal sealed class AuthFieldParameters
    {
        private AuthFieldParameters(IReadOnlyList<FieldParameter> parameters, RuntimeDefinedParameterDictionary dictionary)
        {
            Parameters = parameters;
            Dictionary = dictionary;
        }

        public IReadOnlyList<FieldParameter> Parameters { get; }

        public RuntimeDefinedParameterDictionary Dictionary { get; }

        public static AuthFieldParameters Empty { get; } = new AuthFieldParameters(Array.Empty<FieldParameter>(), new RuntimeDefinedParameterDictionary());

        /// <summary>Builds the parameters for <paramref name="fields"/>, avoiding every parameter name and alias of <paramref name="cmdletType"/>.</summary>
        public static AuthFieldParameters For(IEnumerable<AuthConfigField> fields, Type cmdletType, ICollection<string> mappedFields)
        {
            var assigned = FieldParameterNames.Assign(fields, StaticNamesOf(cmdletType), mappedFields);
            var dictionary = new RuntimeDefinedParameterDictionary();
            foreach (var parameter in assigned)
            {
                var attributes = new Collection<Attribute>
                {
                    new ParameterAttribute
                    {
                        Mandatory = false,
                        ValueFromPipelineByPropertyName = false,
                        HelpMessage = HelpFor(parameter.Field),
                    },
                };
                if (!parameter.IsSecret)
                {
                    attributes.Add(new SecureTextTransformationAttribute());
                }
                var type = parameter.IsSecret ? typeof(SecureString) : typeof(string);
                dictionary.Add(parameter.ParameterName, new RuntimeDefinedParameter(parameter.ParameterName, type, attributes));
            }
            return new AuthFieldParameters(assigned, dictionary);
        }

        /// <summary>Field name → value for each field parameter the user bound (SecureStrings still protected).</summary>
        public IEnumerable<KeyValuePair<FieldParameter, object?>> BoundValues()
        {
            foreach (var parameter in Parameters)
            {
                if (Dictionary.TryGetValue(parameter.ParameterName, out var runtime) && runtime.IsSet)
                {
                    yield return new KeyValuePair<FieldParameter, object?>(parameter, runtime.Value);
                }
            }
        }

        /// <summary>The original field name first, so help and completion tooltips say what goes on the wire.</summary>
        private static string HelpFor(AuthConfigField field)
        {
            var text = $"Credential field '{field.Name}'";
            if (!string.IsNullOrEmpty(field.DisplayName))
            {
                text += $" ({field.DisplayName})";
            }
            if (field.Required)
            {
                text += ", required";
            }
            if (!string.IsNullOrEmpty(field.Description))
            {
                text += ": " + field.Description;
            }
            return text;
        }

        /// <summary>Every static parameter name and alias of the cmdlet class.</summary>
        internal static IEnumerable<string> StaticNamesOf(Type cmdletType)
        {
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.GetCustomAttributes<ParameterAttribute>().Any())
                {
                    continue;
                }
                yield return property.Name;
                foreach (var alias in property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames))
                {
                    yield return alias;
                }
            }
        }
    }
}
