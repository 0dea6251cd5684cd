using System;
using System.Linq;
using System.Threading;
using Composio.Client.Errors;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// The creation-field parameters for the toolkit and scheme bound so far. Never throws: with no
    /// toolkit or scheme yet, or no connection, there are none; when the toolkit cannot be read
    /// (not found, server unreachable) the reason is kept (<see cref="AuthFieldParameters.Unknown"/>)
    /// for the command to report if the command line used a field parameter.
    /// </summary>
    internal static class CreationFieldParameters
    {
        /// <param name="notFound">Set when the API said the toolkit does not exist, so the command need not ask again.</param>
        public static AuthFieldParameters For(ComposioConnection? connection, string? toolkitSlug, AuthConfigType type, string? scheme, Type cmdletType, out ComposioException? notFound)
        {
            notFound = null;
            if (string.IsNullOrEmpty(toolkitSlug))
            {
                return AuthFieldParameters.Empty;
            }
            try
            {
                var cache = (connection ?? Connections.TryRequire())?.Toolkits;
                if (cache == null)
                {
                    return AuthFieldParameters.Empty;
                }
                if (!cache.TryGetCached(toolkitSlug!, out var toolkit))
                {
                    if (IsBeingTyped(cache, toolkitSlug!))
                    {
                        return AuthFieldParameters.Empty;
                    }
                    // One request, bounded like a completer: fetched here, the command itself then finds it cached.
                    using var budget = new CancellationTokenSource(Completion.RequestBudget);
                    toolkit = cache.GetAsync(toolkitSlug!, budget.Token).GetAwaiter().GetResult();
                }
                var detail = AuthSchemes.Guess(toolkit, type, scheme);
                if (detail == null)
                {
                    try
                    {
                        AuthSchemes.ForCreate(toolkit, type, scheme);
                    }
                    catch (ComposioException why)
                    {
                        // No scheme to take fields from (-AuthScheme missing or not offered): say so if a field parameter was used.
                        return AuthFieldParameters.Unknown(why, "toolkit " + toolkitSlug);
                    }
                }
                // A field hidden from the user (user_visible false) is Composio's to fill: no parameter for it.
                return detail == null
                    ? AuthFieldParameters.Empty
                    : AuthFieldParameters.For(detail.AuthConfigCreationFields.Where(f => f.UserVisible), cmdletType, new System.Collections.Generic.List<string>(CreateRequestBuilder.StaticFields.Keys));
            }
            catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound)
            {
                notFound = ex;
                return AuthFieldParameters.Unknown(ex, "toolkit " + toolkitSlug);
            }
            catch (Exception ex) when (ex is ComposioException || ex is OperationCanceledException)
            {
                return AuthFieldParameters.Unknown(ex, "toolkit " + toolkitSlug);
            }
#pragma warning disable CA1031 // Dynamic parameters run inside parameter binding and tab completion: any failure means "none".
            catch (Exception)
#pragma warning restore CA1031
            {
                return AuthFieldParameters.Empty;
            }
        }

        /// <summary>
        /// Tab completion binds the half-typed word (`-Toolkit no`) and asks for dynamic parameters:
        /// a slug the cached list lacks but some listed slug starts with is a word being typed, not
        /// a toolkit to fetch. A slug outside the list altogether is still fetched (it may be new).
        /// </summary>
        private static bool IsBeingTyped(Composio.Client.Toolkits.ToolkitCache cache, string slug) =>
            cache.TryGetCachedSlugs(out var slugs)
            && !slugs.Contains(slug.ToLowerInvariant())
            && slugs.Any(s => s.StartsWith(slug, StringComparison.OrdinalIgnoreCase));
    }
}
