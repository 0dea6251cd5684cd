using System.Net.Http;

namespace Composio.Client.Http
{
    /// <summary>Facts the transport hands to the handlers through HttpRequestMessage.Properties.</summary>
    internal static class RequestProperties
    {
        /// <summary>bool: the request creates something (see <see cref="ApiRequest.CreatesResource"/>).</summary>
        public const string CreatesResource = "Composio.CreatesResource";

        /// <summary>bool, set by the retry handler: an earlier attempt may have reached the server and acted.</summary>
        public const string EarlierAttemptUnclear = "Composio.EarlierAttemptUnclear";

        /// <summary><see cref="Redaction.SecretValues"/>: the request's secrets, masked wherever server text is shown.</summary>
        public const string Secrets = "Composio.Secrets";

        /// <summary><see cref="ApiRequest"/>: the call this message carries, for the facts of an error about it.</summary>
        public const string Request = "Composio.Request";

#pragma warning disable CS0618 // Properties is the only per-request bag on netstandard2.0.
        public static bool Flag(HttpRequestMessage request, string key) =>
            request.Properties.TryGetValue(key, out var value) && value is bool b && b;

        public static void Set(HttpRequestMessage request, string key, object value) => request.Properties[key] = value;

        public static T? Get<T>(HttpRequestMessage request, string key) where T : class =>
            request.Properties.TryGetValue(key, out var value) ? value as T : null;
#pragma warning restore CS0618
    }
}
