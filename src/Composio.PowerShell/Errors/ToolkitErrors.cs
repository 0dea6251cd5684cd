using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Names a failed toolkit lookup: an unknown toolkit becomes `ToolkitNotFound`, naming similar
    /// ones from a slug list the caller gives (this class sends nothing).
    /// </summary>
    internal static class ToolkitErrors
    {
        private const int MaxSuggestions = 10;

        /// <summary>Whether a failed GET /toolkits/{slug} means there is no such toolkit.</summary>
        public static bool IsNotFound(ComposioException ex) =>
            // The official SDK also reads a 400 on GET /toolkits/{slug} as "no such toolkit".
            ex.Kind == ComposioErrorKind.NotFound || (ex.Kind == ComposioErrorKind.InvalidArgument && ex.StatusCode == 400);

        /// <summary>The error to report for a failed toolkit lookup: ToolkitNotFound (with similar slugs) for an unknown toolkit, else the failure itself, naming the slug.</summary>
        /// <param name="knownSlugs">The toolkit slugs to suggest from, asked only for an unknown toolkit; null (or a null answer): no suggestions.</param>
        public static ComposioException LookupError(ComposioException ex, string slug, Func<IReadOnlyList<string>?>? knownSlugs)
        {
            if (!IsNotFound(ex))
            {
                ex.Target ??= slug;
                return ex;
            }
            var message = string.Empty;
            var slugs = knownSlugs?.Invoke();
            if (slugs != null)
            {
                var similar = Similar(slug, slugs);
                message += similar.Length > 0
                    ? " Did you mean: " + string.Join(", ", similar) + "?"
                    : $" None of the {slugs.Count} toolkits is named like it.";
            }
            return ErrorCatalog.ToolkitNotFound.At(slug, "Toolkit", slug, message);
        }

        /// <summary>Slugs containing the word or contained in it, or sharing its first letters.</summary>
        private static string[] Similar(string slug, IEnumerable<string> slugs)
        {
            var word = slug.ToLowerInvariant();
            var prefix = word.Length >= 3 ? word.Substring(0, 3) : word;
            return slugs
                .Where(s => s.Contains(word) || (word.Length >= 3 && word.Contains(s)) || s.StartsWith(prefix, StringComparison.Ordinal))
                .Take(MaxSuggestions)
                .ToArray();
        }
    }
}
