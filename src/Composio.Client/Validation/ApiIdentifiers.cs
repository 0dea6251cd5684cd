using System;
using System.Text.RegularExpressions;
using Composio.Client.Errors;

namespace Composio.Client.Validation
{
    /// <summary>
    /// Checks ids and slugs against their real shapes before they go into a URL path, so no input
    /// can reach another endpoint or add a query parameter.
    /// </summary>
    public static class ApiIdentifiers
    {
        // ASCII classes without IgnoreCase: case-insensitive matching would let the Kelvin sign pass as 'k'.
        // \z, not $: in .NET `$` also matches before a final newline, so "ac_x\n" would pass.
        private static readonly Regex s_authConfigId = new Regex("^ac_[A-Za-z0-9_-]{1,64}\\z", RegexOptions.CultureInvariant);
        private static readonly Regex s_toolkitSlug = new Regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}\\z", RegexOptions.CultureInvariant);

        public static bool IsAuthConfigId(string? id) => id != null && s_authConfigId.IsMatch(id);

        public static bool IsToolkitSlug(string? slug) => slug != null && s_toolkitSlug.IsMatch(slug);

        /// <summary>The id, checked; throws <see cref="ComposioException"/> `InvalidAuthConfigId` otherwise.</summary>
        public static string AuthConfigId(string? id)
        {
            if (!IsAuthConfigId(id))
            {
                throw new ComposioException(
                    "InvalidAuthConfigId",
                    ComposioErrorKind.InvalidInput,
                    $"'{id}' is not an auth config id. Ids look like 'ac_' followed by letters and digits, e.g. 'ac_yAxogT931v4z'.")
                { Target = id };
            }
            return id!;
        }

        /// <summary>The slug, lowercased and checked; throws `InvalidToolkitSlug` otherwise.</summary>
        public static string ToolkitSlug(string? slug)
        {
            if (!IsToolkitSlug(slug))
            {
                throw new ComposioException(
                    "InvalidToolkitSlug",
                    ComposioErrorKind.InvalidInput,
                    $"'{slug}' is not a toolkit slug. Slugs are letters, digits, '-' and '_', e.g. 'github' or 'notion'.")
                { Target = slug };
            }
            return slug!.ToLowerInvariant();
        }

        /// <summary>Escapes one path segment (already validated; escaping is the second line of defence).</summary>
        public static string Segment(string value) => Uri.EscapeDataString(value);
    }
}
