using System;

namespace Composio
{
    /// <summary>One grant-context dimension (e.g. whether repositories are private) and its values.</summary>
    public sealed class GrantContextDimension
    {
        public string Dimension { get; set; } = string.Empty;
        public string? Description { get; set; }
        public string[] Values { get; set; } = Array.Empty<string>();

        public override string ToString() => Dimension;
    }
}
