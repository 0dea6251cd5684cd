namespace Composio.Emulator.Errors;

/// <summary>
/// Thrown by handlers to answer with the Composio error body; the error middleware turns it into
/// a response so validation code can stay linear.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int status, string slug, string message, string? suggestedFix = null, IReadOnlyList<string>? errors = null)
        : base(message)
    {
        Status = status;
        Slug = slug;
        SuggestedFix = suggestedFix;
        Errors = errors;
    }

    public int Status { get; }
    public string Slug { get; }
    public string? SuggestedFix { get; }
    public IReadOnlyList<string>? Errors { get; }

    public static ApiException BadRequest(string message, string? suggestedFix = null, string slug = ApiError.Slugs.BadRequest) =>
        new(StatusCodes.Status400BadRequest, slug, message, suggestedFix);
}
