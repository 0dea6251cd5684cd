using System;
using System.Text.RegularExpressions;

namespace Composio.PowerShell.Connection
{
    /// <summary>
    /// A base URI copied from the API reference often ends in /api/v3 or /api/v3.1; the client
    /// adds that path itself, so it would ask for /api/v3.1/api/v3.1/... and get a confusing 404.
    /// The version path is dropped (anything before it, such as a gateway prefix, is kept).
    /// </summary>
    internal static class BaseUriPath
    {
        private static readonly Regex s_versionPath = new Regex("/api/(v3(?:\\.1)?)/*\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The URI without a trailing API version path, and the version it named; the URI itself when it has none.</summary>
        public static Uri WithoutVersion(Uri uri, out string? droppedVersion)
        {
            droppedVersion = null;
            if (!uri.IsAbsoluteUri)
            {
                return uri;
            }
            var match = s_versionPath.Match(uri.AbsolutePath);
            if (!match.Success)
            {
                return uri;
            }
            droppedVersion = match.Groups[1].Value.ToLowerInvariant();
            var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.Substring(0, match.Index) };
            return builder.Uri;
        }
    }
}
