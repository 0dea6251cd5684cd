namespace Composio
{
    public sealed class ToolkitCategory
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }

        public override string ToString() => Id;
    }
}
