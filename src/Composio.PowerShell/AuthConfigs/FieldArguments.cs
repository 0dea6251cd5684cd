using System;
using System.Collections.Generic;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// The credential fields a command line gave as parameters of their own (`-ClientSecret $s`),
    /// and the parameter each field was offered as, for messages. Binding's AuthFieldParameters
    /// fills it; the builders read it, so the dependency goes one way: Binding → AuthConfigs.
    /// </summary>
    internal sealed class FieldArguments
    {
        public FieldArguments(IReadOnlyDictionary<string, string> parameterNames, IReadOnlyList<KeyValuePair<string, object?>> given)
        {
            ParameterNames = parameterNames;
            Given = given;
        }

        public static FieldArguments None { get; } =
            new FieldArguments(new Dictionary<string, string>(StringComparer.Ordinal), Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>Field name → the name of the parameter offered for it (without the dash).</summary>
        public IReadOnlyDictionary<string, string> ParameterNames { get; }

        /// <summary>Field name → the value bound (SecureStrings still protected), for each field parameter given.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Given { get; }
    }
}
