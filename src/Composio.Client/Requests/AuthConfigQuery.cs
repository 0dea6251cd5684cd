namespace Composio.Client.Requests
{
    /// <summary>Filters of GET /auth_configs.</summary>
    public sealed class AuthConfigQuery
    {
        public string[]? Toolkits { get; set; }
        public bool? IsComposioManaged { get; set; }
        /// <summary>Include DISABLED configs (the API hides them by default).</summary>
        public bool ShowDisabled { get; set; }
        /// <summary>Name or id, as the server matches it.</summary>
        public string? Search { get; set; }
    }
}
