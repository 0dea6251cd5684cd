using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Management.Automation;
using System.Management.Automation.Internal;
using Composio.Client.Redaction;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Names the dynamic parameter of each credential field: PascalCase of the field name
    /// (`client_id` → `ClientId`), with the suffix `Field` when that name is already taken by a
    /// static parameter, an alias or a common parameter (`name` → `NameField`, `verbose` →
    /// `VerboseField`), then a number when two fields still meet (`ClientId2`). Deterministic:
    /// the same fields in the same order always get the same names.
    /// </summary>
    internal static class FieldParameterNames
    {
        /// <summary>What a clash gets appended, so `-Name` stays the config's name.</summary>
        public const string ClashSuffix = "Field";

        /// <summary>
        /// Common and ShouldProcess parameters with their aliases, as the PowerShell SDK itself
        /// declares them (so a parameter PowerShell adds in a later version is avoided too).
        /// </summary>
        public static readonly IReadOnlyCollection<string> CommonNames = ReadCommonNames();

        private static IReadOnlyCollection<string> ReadCommonNames()
        {
            var names = new HashSet<string>(Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);
            foreach (var type in new[] { typeof(CommonParameters), typeof(ShouldProcessParameters) })
            {
                foreach (var property in type.GetProperties())
                {
                    names.Add(property.Name);
                    foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                    {
                        names.UnionWith(alias.AliasNames);
                    }
                }
            }
            return names;
        }

        /// <summary>
        /// One parameter per field, in the fields' order, skipping those in <paramref name="mappedFields"/>
        /// (covered by static parameters). <paramref name="reserved"/> are names already in use.
        /// </summary>
        public static IReadOnlyList<FieldParameter> Assign(IEnumerable<AuthConfigField> fields, IEnumerable<string> reserved, ICollection<string> mappedFields)
        {
            var reservedSet = new HashSet<string>(reserved.Concat(CommonNames), StringComparer.OrdinalIgnoreCase);
            var taken = new HashSet<string>(reservedSet, StringComparer.OrdinalIgnoreCase);
            var result = new List<FieldParameter>();
            var seenFields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (string.IsNullOrEmpty(field.Name) || mappedFields.Contains(field.Name) || !seenFields.Add(field.Name))
                {
                    continue;
                }
                var name = PascalCase(field.Name);
                if (reservedSet.Contains(name))
                {
                    name += ClashSuffix;
                }
                var unique = name;
                for (var n = 2; taken.Contains(unique); n++)
                {
                    unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                taken.Add(unique);
                result.Add(new FieldParameter(unique, field, field.IsSecret || SecretNames.IsSecretName(field.Name)));
            }
            return result;
        }

        /// <summary>`client_id` → `ClientId`; anything not a letter or digit separates words; a leading digit gets `Field` in front.</summary>
        public static string PascalCase(string fieldName)
        {
            var text = new StringBuilder(fieldName.Length);
            var upperNext = true;
            foreach (var c in fieldName)
            {
                if (c < 128 ? char.IsLetterOrDigit(c) : char.IsLetter(c))
                {
                    text.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }
            if (text.Length == 0 || char.IsDigit(text[0]))
            {
                text.Insert(0, ClashSuffix);
            }
            return text.ToString();
        }
    }
}
