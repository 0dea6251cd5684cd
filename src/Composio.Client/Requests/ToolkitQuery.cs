namespace Composio.Client.Requests
{
    /// <summary>Filters of GET /toolkits.</summary>
    public sealed class ToolkitQuery
    {
        public string? Category { get; set; }
        /// <summary>`composio`, `all` or `project`.</summary>
        public string? ManagedBy { get; set; }
        /// <summary>`native`, `custom` or `all`.</summary>
        public string? Type { get; set; }
        /// <summary>`usage` or `alphabetically`.</summary>
        public string? SortBy { get; set; }
        public bool? IncludeDeprecated { get; set; }
        /// <summary>At least three characters.</summary>
        public string? Search { get; set; }
    }
}
