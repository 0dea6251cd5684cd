using System.Net.Http;
using System.Text.Json.Nodes;

namespace Composio.Client.Http
{
    /// <summary>One call to the API, before it becomes an HTTP message.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, string query = "", JsonNode? body = null)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to /api/{version}/, segments already escaped.</summary>
        public string Path { get; }

        public string Query { get; }

        public JsonNode? Body { get; }

        /// <summary>The id or slug it is about, for errors.</summary>
        public string? Target { get; set; }

        /// <summary>
        /// True for a request that creates something: repeating it after an unclear failure could
        /// create a duplicate, so it is retried only when the server surely did not act.
        /// </summary>
        public bool CreatesResource { get; set; }

        /// <summary>For a create: the command that shows whether it took effect after an unclear failure.</summary>
        public string? OutcomeCheck { get; set; }
    }
}
