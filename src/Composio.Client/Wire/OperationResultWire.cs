using System.Text.Json.Serialization;

namespace Composio.Client.Wire
{
    /// <summary>
    /// The answer of update, enable/disable and delete: `{}` before 2026, then
    /// `{"success": bool, "message": str}`; a delete may add `revoke_job_id`. All members optional.
    /// </summary>
    internal sealed class OperationResultWire
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("revoke_job_id")] public string? RevokeJobId { get; set; }
    }
}
