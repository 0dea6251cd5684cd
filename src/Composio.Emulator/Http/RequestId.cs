namespace Composio.Emulator.Http;

/// <summary>Per-request id ("req_..."), echoed in error bodies and the x-request-id header.</summary>
public static class RequestId
{
    private const string ItemKey = "composio.request_id";

    public static string Get(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is string id)
        {
            return id;
        }
        id = "req_" + RandomIds.Alphanumeric(16);
        context.Items[ItemKey] = id;
        return id;
    }
}
