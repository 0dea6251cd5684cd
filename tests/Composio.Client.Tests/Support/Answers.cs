using Xunit;

namespace Composio.Client.Tests.Support;

/// <summary>The scripted answers and status lists the retry, backoff and policy tests share.</summary>
public static class Answers
{
    public const string Id = "ac_abc123XYZ";
    public const string Found = "{\"id\":\"ac_abc123XYZ\",\"name\":\"n\",\"toolkit\":{\"slug\":\"github\"}}";
    public const string Created = "{\"toolkit\":{\"slug\":\"github\"},\"auth_config\":{\"id\":\"ac_new1\",\"auth_scheme\":\"OAUTH2\",\"is_composio_managed\":true}}";

    /// <summary>Statuses a request that creates nothing is retried after.</summary>
    public static TheoryData<int> Retryable => new() { 408, 409, 429, 500, 502, 503, 504 };

    /// <summary>Client errors, never retried.</summary>
    public static TheoryData<int> NotRetryable => new() { 400, 401, 403, 404, 422 };
}
