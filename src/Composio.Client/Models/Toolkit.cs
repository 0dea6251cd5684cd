using System;

namespace Composio
{
    /// <summary>A Composio toolkit (an app such as GitHub) and the auth schemes it offers.</summary>
    public sealed class Toolkit
    {
        public string Slug { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Type { get; set; }
        public bool? Enabled { get; set; }
        public string[] AuthSchemes { get; set; } = Array.Empty<string>();
        public string[] ComposioManagedAuthSchemes { get; set; } = Array.Empty<string>();
        public bool NoAuth { get; set; }
        public string? Description { get; set; }
        public string? Logo { get; set; }
        public string? AppUrl { get; set; }
        public string? BaseUrl { get; set; }
        public string? AuthGuideUrl { get; set; }
        public string[] Categories { get; set; } = Array.Empty<string>();
        public int? ToolsCount { get; set; }
        public int? TriggersCount { get; set; }
        public string? Version { get; set; }
        public bool Deprecated { get; set; }
        /// <summary>
        /// Each scheme with its fields; only filled when the toolkit was retrieved by slug, and
        /// null when the record had none (the spec makes it optional): then its schemes and fields
        /// are unknown, not absent.
        /// </summary>
        public AuthSchemeDetail[]? AuthConfigDetails { get; set; }

        public override string ToString() => Slug;
    }
}
