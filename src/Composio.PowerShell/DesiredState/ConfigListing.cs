using System;
using System.Collections.Generic;
using Composio.Client;
using Composio.Client.Errors;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Reads a whole auth-config listing, page by page. Export and sync decide from the complete
    /// set (a config missed here would be created twice), so a listing that ends short of the
    /// total the server announced is an error, not a smaller answer.
    /// </summary>
    internal static class ConfigListing
    {
        /// <param name="fetchPage">One page for a cursor (null for the first).</param>
        public static List<AuthConfig> ReadAll(Func<string?, Page<AuthConfig>> fetchPage)
        {
            var configs = new List<AuthConfig>();
            int? announced = null;
            string? cursor = null;
            var first = true;
            do
            {
                var page = fetchPage(cursor);
                if (first)
                {
                    announced = page.TotalItems;
                    first = false;
                }
                configs.AddRange(page.Items);
                // A server that hands back the cursor it was given would loop forever.
                cursor = page.NextCursor == cursor ? null : page.NextCursor;
            }
            while (cursor != null);
            if (announced is int total && configs.Count < total)
            {
                throw new ComposioException("IncompleteListing", ComposioErrorKind.InvalidResponse,
                    $"The auth-config listing ended after {configs.Count} of the {total} configs the server announced. Deciding from a partial listing could create duplicates, so nothing was changed; run the command again.");
            }
            return configs;
        }
    }
}
