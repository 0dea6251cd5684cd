using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Toolkits;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>Turns a failed toolkit lookup into an ErrorRecord; an unknown toolkit becomes `ToolkitNotFound`.</summary>
    internal static class ToolkitErrors
    {
        public static ErrorRecord Record(ComposioException ex, string slug, ToolkitCache? cache)
        {
            // The official SDK also reads a 400 on GET /toolkits/{slug} as "no such toolkit".
            var notFound = ex.Kind == ComposioErrorKind.NotFound || (ex.Kind == ComposioErrorKind.InvalidArgument && ex.StatusCode == 400);
            if (!notFound)
            {
                return ErrorRecords.From(ex, slug);
            }
            var message = $"Toolkit '{slug}' was not found.";
            if (cache != null && cache.TryGetCachedSlugs(out var slugs) && slugs.Count > 0)
            {
                var prefix = slug.Length >= 2 ? slug.Substring(0, 2) : slug;
                var similar = slugs.Where(s => s.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase)).Take(10).ToArray();
                if (similar.Length > 0)
                {
                    message += " Similar toolkits: " + string.Join(", ", similar) + ".";
                }
            }
            return new InputErrorException("ToolkitNotFound", message, slug, ErrorCategory.ObjectNotFound)
            {
                RecommendedAction = "Get-ComposioToolkit lists the toolkits; tab completion of -Toolkit offers their slugs.",
            }.ToErrorRecord();
        }
    }
}
