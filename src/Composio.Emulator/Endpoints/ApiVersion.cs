namespace Composio.Emulator.Endpoints;

/// <summary>A served API prefix and its list-size cap (v3.1 caps pages at 50, v3 at 1000).</summary>
public sealed record ApiVersion(string Prefix, int MaxLimit)
{
    public const int DefaultLimit = 20;

    public static readonly IReadOnlyList<ApiVersion> All = new[]
    {
        new ApiVersion("/api/v3", 1000),
        new ApiVersion("/api/v3.1", 50),
    };
}
