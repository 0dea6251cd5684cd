using System;
using System.Collections.Generic;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Json;
using Composio.Client.Paging;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Reads a whole auth-config listing through the client's page walker. Export and sync decide
    /// from the complete set (a config missed here would be created twice), so a listing that
    /// ends with a different count than the server announced is an error, not a smaller answer.
    /// </summary>
    internal static class ConfigListing
    {
        /// <param name="next">Awaits the walker's next page (on the pipeline thread).</param>
        /// <param name="warn">Told once when some values of the listing could not be read (they are left empty).</param>
        public static List<AuthConfig> ReadAll(PageWalker<AuthConfig> walker, Func<PageWalker<AuthConfig>, Page<AuthConfig>?> next, Action<string> warn)
        {
            var configs = new List<AuthConfig>();
            for (var page = next(walker); page != null; page = next(walker))
            {
                configs.AddRange(page.Items);
            }
            if (walker.CountDiffers)
            {
                throw new ComposioException("IncompleteListing", ComposioErrorKind.InvalidResponse,
                    $"The auth-config listing ended with {walker.ItemsRead} of the {walker.TotalItems} configs the server announced. Deciding from a partial listing could create duplicates, so nothing was changed; run the command again.");
            }
            if (walker.Unreadable.Count > 0)
            {
                warn("Listing auth configs: " + UnreadableValues.Summary(walker.Unreadable));
            }
            return configs;
        }
    }
}
