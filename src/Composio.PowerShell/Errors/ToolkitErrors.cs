using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Errors;
using Composio.Client.Toolkits;
using Composio.PowerShell.Binding;

namespace Composio.PowerShell.Errors
{
    /// <summary>Names a failed toolkit lookup: an unknown toolkit becomes `ToolkitNotFound`, naming similar ones.</summary>
    internal static class ToolkitErrors
    {
        private const int MaxSuggestions = 10;

        /// <summary>Whether a failed GET /toolkits/{slug} means there is no such toolkit.</summary>
        public static bool IsNotFound(ComposioException ex) =>
            // The official SDK also reads a 400 on GET /toolkits/{slug} as "no such toolkit".
            ex.Kind == ComposioErrorKind.NotFound || (ex.Kind == ComposioErrorKind.InvalidArgument && ex.StatusCode == 400);

        public static ComposioException Describe(ComposioException ex, string slug, ToolkitCache? cache)
        {
            if (!IsNotFound(ex))
            {
                ex.Target ??= slug;
                return ex;
            }
            var message = string.Empty;
            var slugs = KnownSlugs(cache);
            if (slugs != null)
            {
                var similar = Similar(slug, slugs);
                message += similar.Length > 0
                    ? " Did you mean: " + string.Join(", ", similar) + "?"
                    : $" None of the {slugs.Count} toolkits is named like it.";
            }
            return ErrorCatalog.ToolkitNotFound.At(slug, "Toolkit", slug, message);
        }

        /// <summary>The slug list from the cache, else one bounded request; null when neither works (an error message must not fail).</summary>
        private static IReadOnlyList<string>? KnownSlugs(ToolkitCache? cache)
        {
            if (cache == null)
            {
                return null;
            }
            return cache.TryGetCachedSlugs(out var cached) ? cached : Completion.Fetch(cache.GetSlugsAsync);
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
