using System;
using System.Collections.Generic;

namespace Composio
{
    /// <summary>Scopes recommended for a set of a toolkit's tools (the API's beta scope recommendation).</summary>
    public sealed class ScopeRecommendation
    {
        public string Toolkit { get; set; } = string.Empty;
        public string AuthScheme { get; set; } = string.Empty;
        public string? ToolkitVersion { get; set; }
        /// <summary>The tools asked about; empty means every tool of the toolkit.</summary>
        public string[] Tools { get; set; } = Array.Empty<string>();
        /// <summary>The grant context the answer assumed (the defaults overlaid with what was asked).</summary>
        public IDictionary<string, object?> GrantContext { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        /// <summary>Each tool's narrowest scopes, together.</summary>
        public string[] LeastPrivilege { get; set; } = Array.Empty<string>();
        /// <summary>As few scopes as cover the same tools, broader ones where they replace several.</summary>
        public string[] Fewest { get; set; } = Array.Empty<string>();
        /// <summary>Scopes needed only in another grant context.</summary>
        public ConditionalScope[] Conditional { get; set; } = Array.Empty<ConditionalScope>();

        /// <summary>The set to request: least privilege.</summary>
        public string[] Scope => LeastPrivilege;

        public override string ToString() => string.Join(",", Scope);
    }
}
