using System.Net;
using Composio.Client.Logging;

namespace Composio.Client.Tests.Support;

/// <summary>
/// Runs every code path of a call once (DI, handler chain, JSON, logging, a retry and a cancelled
/// wait) so timing tests measure the client, not the JIT.
/// </summary>
public static class Warmup
{
    private static readonly Lazy<bool> s_done = new(() =>
    {
        var fake = new FakeHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, "{\"id\":\"ac_warm\"}").ThenHang();
        using var client = TestClients.With(fake, timeout: TimeSpan.FromMilliseconds(50));
        using (ClientLog.Use(new CapturingLog()))
        {
            client.GetAuthConfigAsync("ac_warm").GetAwaiter().GetResult();
            using var cts = new CancellationTokenSource(20);
            try
            {
                client.GetAuthConfigAsync("ac_warm", cts.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // Only the paths matter here.
            }
        }
        return true;
    });

    public static void Once() => _ = s_done.Value;
}
