namespace Composio.Emulator.State;

/// <summary>GET /auth_configs filters. Unfiltered lists take the O(page) path in the store.</summary>
public sealed record AuthConfigFilter(
    IReadOnlySet<string>? ToolkitSlugs,
    bool? IsComposioManaged,
    bool ShowDisabled,
    string? Search)
{
    public bool IsUnfiltered => ToolkitSlugs is null && IsComposioManaged is null && string.IsNullOrEmpty(Search);

    /// <summary>Identifies the filter for the cached total count.</summary>
    public string Key =>
        $"{(ToolkitSlugs is null ? "" : string.Join(',', ToolkitSlugs.Order(StringComparer.Ordinal)))}|{IsComposioManaged}|{ShowDisabled}|{Search}";

    public bool Matches(AuthConfig c)
    {
        if (!ShowDisabled && !c.Enabled)
        {
            return false;
        }
        if (ToolkitSlugs is not null && !ToolkitSlugs.Contains(c.ToolkitSlug))
        {
            return false;
        }
        if (IsComposioManaged is { } managed && c.IsComposioManaged != managed)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(Search)
            && !c.Name.Contains(Search, StringComparison.OrdinalIgnoreCase)
            && !c.Id.Contains(Search, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return true;
    }
}
