using Composio.Client;

namespace Composio.Client.Tests.Support;

/// <summary>Clients with short waits, so retry tests take milliseconds.</summary>
public static class TestClients
{
    public const string ApiKey = "ak_TEST_KEY_must_never_leak_9f3";

    public static ComposioClientOptions Options(Uri? baseUri = null, int maxRetries = 2, TimeSpan? timeout = null, TimeProvider? clock = null) => new()
    {
        Time = clock ?? TimeProvider.System,
        BaseUri = baseUri ?? new Uri("https://api.test.invalid"),
        ApiKey = ApiKey,
        MaxRetries = maxRetries,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(80),
    };

    /// <param name="clock">The client's clock (retry waits, attempt timeouts, the shared pause); the system's when null.</param>
    public static ComposioClient With(FakeHandler handler, int maxRetries = 2, TimeSpan? timeout = null, TimeProvider? clock = null) =>
        new(Options(maxRetries: maxRetries, timeout: timeout, clock: clock), handler);
}
