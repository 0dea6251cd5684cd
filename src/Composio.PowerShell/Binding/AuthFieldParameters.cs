using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using Composio.Client.Errors;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// The dynamic parameters of one toolkit scheme's creation fields (after azure-powershell's
    /// TemplateUtility): one per field, never Mandatory — a missing required field is reported
    /// with all the others by name instead of a prompt in the middle of a script.
    /// </summary>
    internal sealed class AuthFieldParameters
    {
        /// <summary>The catch-all of an unresolved set: what the command line gave that no parameter took.</summary>
        public const string UnresolvedName = "UnresolvedFieldArgument";

        private AuthFieldParameters(IReadOnlyList<FieldParameter> parameters, RuntimeDefinedParameterDictionary dictionary, Exception? unresolved = null, string? about = null)
        {
            Parameters = parameters;
            Dictionary = dictionary;
            Unresolved = unresolved;
            About = about;
        }

        /// <summary>Why the fields could not be known (not found, server unreachable), when they could not.</summary>
        public Exception? Unresolved { get; }

        /// <summary>What the fields would have been of: "auth config ac_1", "toolkit notion".</summary>
        public string? About { get; }

        /// <summary>
        /// When the fields could not be known: one hidden catch-all parameter takes what the command
        /// line gave (`-ClientSecret $s`), so the command can say why instead of PowerShell's
        /// "A parameter cannot be found that matches parameter name 'ClientSecret'".
        /// </summary>
        public static AuthFieldParameters Unknown(Exception reason, string about)
        {
            var dictionary = new RuntimeDefinedParameterDictionary
            {
                {
                    UnresolvedName, new RuntimeDefinedParameter(UnresolvedName, typeof(object[]), new Collection<Attribute>
                    {
                        new ParameterAttribute { ValueFromRemainingArguments = true, DontShow = true },
                    })
                },
            };
            return new AuthFieldParameters(Array.Empty<FieldParameter>(), dictionary, reason, about);
        }

        /// <summary>
        /// The error for a command line that used field parameters that could not be resolved:
        /// the reason's own id (ComposioNotFound, ToolkitNotFound, a connection failure) with a
        /// message naming the parameters; null when none was used.
        /// </summary>
        public ComposioException? UnresolvedUse(Func<ComposioException, ComposioException>? describe = null)
        {
            var names = UnmatchedNames();
            if (names.Count == 0)
            {
                return null;
            }
            var given = string.Join(", ", names);
            if (!(Unresolved is ComposioException reason))
            {
                return ErrorCatalog.DynamicParameterUnresolved.At(About, names[0], given, $"{About} could not be read in time ({Unresolved!.Message}).");
            }
            reason = describe?.Invoke(reason) ?? reason;
            return new ComposioException(reason.ErrorId, reason.Kind,
                $"{About}: {given} {(names.Count == 1 ? "is a credential field parameter, and it" : "are credential field parameters, and they")} could not be resolved: {reason.Message}")
            {
                Target = About,
                StatusCode = reason.StatusCode,
                RecommendedAction = reason.RecommendedAction,
            };
        }

        /// <summary>The parameter names given that no parameter took (`-ClientSecret`), when the fields could not be known; else none.</summary>
        public IReadOnlyList<string> UnmatchedNames()
        {
            if (Unresolved == null || !Dictionary.TryGetValue(UnresolvedName, out var runtime) || !runtime.IsSet || !(runtime.Value is IEnumerable<object> given))
            {
                return Array.Empty<string>();
            }
            var names = given.Select(v => (v is PSObject w ? w.BaseObject : v)?.ToString() ?? string.Empty)
                .Where(v => v.StartsWith("-", StringComparison.Ordinal)).Select(v => v.TrimEnd(':')).ToList();
            // Values without a parameter name (a stray positional argument) are still unexplained: say so with the reason.
            return names.Count > 0 ? names : given.Any() ? new[] { "(an argument without a parameter)" } : (IReadOnlyList<string>)Array.Empty<string>();
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

        /// <summary>What the command line gave through these parameters, for the request builders.</summary>
        public FieldArguments Arguments()
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var given = new List<KeyValuePair<string, object?>>();
            foreach (var parameter in Parameters)
            {
                names[parameter.Field.Name] = parameter.ParameterName;
                if (Dictionary.TryGetValue(parameter.ParameterName, out var runtime) && runtime.IsSet)
                {
                    given.Add(new KeyValuePair<string, object?>(parameter.Field.Name, runtime.Value));
                }
            }
            return new FieldArguments(names, given);
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
