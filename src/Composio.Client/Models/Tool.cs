namespace Composio
{
    /// <summary>One tool of a toolkit, as GET /tools lists it (what completion and help need).</summary>
    public sealed class Tool
    {
        public string Slug { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Toolkit { get; set; }
        public string? Description { get; set; }
        public bool Deprecated { get; set; }

        public override string ToString() => Slug;
    }
}
