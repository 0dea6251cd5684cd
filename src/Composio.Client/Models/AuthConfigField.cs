namespace Composio
{
    /// <summary>One field a toolkit's auth scheme asks for, at auth-config creation or account connection.</summary>
    public sealed class AuthConfigField
    {
        public string Toolkit { get; set; } = string.Empty;
        public string AuthScheme { get; set; } = string.Empty;
        /// <summary>The key to use in `-Credentials`.</summary>
        public string Name { get; set; } = string.Empty;
        public string? DisplayName { get; set; }
        public string Type { get; set; } = "string";
        public string? Description { get; set; }
        public bool Required { get; set; }
        public string? Default { get; set; }
        public bool IsSecret { get; set; }
        public string? LegacyTemplateName { get; set; }
        /// <summary>
        /// False for a field Composio fills itself: it is never asked of the user, even when
        /// Required, and its Default applies. Missing on the wire means true.
        /// </summary>
        public bool UserVisible { get; set; } = true;

        public override string ToString() => Name;
    }
}
