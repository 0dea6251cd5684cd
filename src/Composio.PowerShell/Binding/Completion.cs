using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// What every completer shares: which connection to ask, a time budget for the one request a
    /// completer may make, prefix matching and quoting. A completer never throws and never hangs
    /// the prompt: past the budget, or on any failure, it offers nothing.
    /// </summary>
    internal static class Completion
    {
        /// <summary>How long a completer (or dynamic parameters, or an error message) may wait on the API.</summary>
        public static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(5);

        /// <summary>The -Connection already on the command line, else the runspace's default; null when there is none.</summary>
        public static ComposioConnection? ConnectionFor(IDictionary? fakeBoundParameters)
        {
            var bound = fakeBoundParameters?["Connection"];
            if (bound is PSObject wrapped)
            {
                bound = wrapped.BaseObject;
            }
            return bound as ComposioConnection ?? Connections.TryRequire();
        }

        /// <summary>One request within <see cref="RequestBudget"/>; null when it fails or takes longer.</summary>
        public static T? Fetch<T>(Func<CancellationToken, Task<T>> call) where T : class
        {
            try
            {
                using var budget = new CancellationTokenSource(RequestBudget);
                return call(budget.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>
        /// What the connection knows of config <paramref name="id"/>: the seen entry when it has what
        /// <paramref name="enough"/> asks, else one GET within <see cref="RequestBudget"/>, remembered.
        /// Throws what the read throws, so a caller can keep the reason or say nothing.
        /// </summary>
        public static SeenAuthConfigs.Seen SeenOrRead(ComposioConnection connection, string id, Func<SeenAuthConfigs.Seen, bool> enough)
        {
            if (!connection.Seen.TryGet(id, out var seen) || !enough(seen))
            {
                using var budget = new CancellationTokenSource(RequestBudget);
                connection.Seen.Remember(connection.Client.GetAuthConfigAsync(id, budget.Token).GetAwaiter().GetResult());
                connection.Seen.TryGet(id, out seen);
            }
            return seen;
        }

        /// <summary>The text values already typed for a parameter (one value or a list); empty when none.</summary>
        public static IReadOnlyList<string> BoundStrings(IDictionary? fakeBoundParameters, string name)
        {
            var value = fakeBoundParameters?[name];
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }
            return value switch
            {
                null => Array.Empty<string>(),
                string one => new[] { one },
                IEnumerable many => many.Cast<object?>().Where(v => v != null).Select(v => v!.ToString()).ToList(),
                _ => new[] { value.ToString() },
            };
        }

        /// <summary>The configs the connection saw in the last few minutes; when there are none, one page fetched (and remembered).</summary>
        public static IReadOnlyList<SeenAuthConfigs.Seen> SeenConfigs(ComposioConnection connection)
        {
            var seen = connection.Seen.Fresh();
            if (seen.Count > 0)
            {
                return seen;
            }
            // Both states: a disabled config is as much a candidate for Enable or Remove as an enabled one.
            var page = Fetch(token => connection.Client.ListAuthConfigsAsync(new AuthConfigQuery { ShowDisabled = true }, null, null, token));
            foreach (var config in page?.Items ?? Array.Empty<AuthConfig>())
            {
                connection.Seen.Remember(config);
            }
            return connection.Seen.Fresh();
        }

        /// <summary>Values starting with the word typed so far (quotes ignored), each quoted as needed.</summary>
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete) =>
            Matching(values.Select(v => (v, v)), wordToComplete);

        /// <summary>Like <see cref="Matching(IEnumerable{string}, string?)"/>, with a tooltip per value.</summary>
        public static IEnumerable<CompletionResult> Matching(IEnumerable<(string Value, string Tooltip)> values, string? wordToComplete)
        {
            var word = Word(wordToComplete);
            return values
                .Where(v => v.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => Result(v.Value, v.Tooltip))
                .ToList();
        }

        /// <summary>The word typed so far, without the quotes the user may have opened.</summary>
        public static string Word(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        public static CompletionResult Result(string value, string tooltip) =>
            new CompletionResult(PowerShellLiteral.Argument(value), value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? value : tooltip);
    }
}
