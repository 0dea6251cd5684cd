using System;
using System.Collections.Generic;

namespace Composio
{
    /// <summary>A scope some tools need only when the grant context is as <see cref="When"/> says.</summary>
    public sealed class ConditionalScope
    {
        public string Scope { get; set; } = string.Empty;
        /// <summary>Grant-context dimension → value under which the scope is needed.</summary>
        public IDictionary<string, object?> When { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        /// <summary>The tools (of those asked about) that need it.</summary>
        public string[] For { get; set; } = Array.Empty<string>();

        public override string ToString() => Scope;
    }
}
