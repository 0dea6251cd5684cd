using System;
using System.Collections.Generic;

namespace Composio
{
    /// <summary>The grant-context dimensions a toolkit scheme's scope recommendations depend on.</summary>
    public sealed class ToolkitGrantContext
    {
        public string Toolkit { get; set; } = string.Empty;
        public string AuthScheme { get; set; } = string.Empty;
        public string? ToolkitVersion { get; set; }
        public GrantContextDimension[] Dimensions { get; set; } = Array.Empty<GrantContextDimension>();
        /// <summary>What is assumed for a dimension the request does not mention.</summary>
        public IDictionary<string, object?> DefaultGrantContext { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }
}
