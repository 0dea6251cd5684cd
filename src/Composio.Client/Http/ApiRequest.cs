using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using Composio.Client.Errors;

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

        /// <summary>The auth config name it carries (a create's), for errors.</summary>
        public string? Name { get; set; }

        /// <summary>The toolkit slug it is about, for errors.</summary>
        public string? Toolkit { get; set; }

        /// <summary>After the answer was read: the values it held that could not be read and were left empty.</summary>
        public IReadOnlyList<string> Unreadable { get; set; } = Array.Empty<string>();

        /// <summary>The error with the request's facts copied onto it.</summary>
        public ComposioException WithFacts(ComposioException error)
        {
            error.Target ??= Target;
            error.Name ??= Name;
            error.Toolkit ??= Toolkit;
            error.Method ??= Method.Method;
            return error;
        }

        /// <summary>
        /// The error with the facts of the call <paramref name="message"/> carries, and whether an
        /// earlier attempt may have acted (lost answer, gateway error): then a failure does not
        /// mean nothing happened. The transport and the retry handler both end here.
        /// </summary>
        public static ComposioException WithFacts(HttpRequestMessage message, ComposioException error)
        {
            if (RequestProperties.Flag(message, RequestProperties.EarlierAttemptUnclear))
            {
                error.MayHaveActed = true;
            }
            return RequestProperties.Get<ApiRequest>(message, RequestProperties.Request)?.WithFacts(error) ?? error;
        }
    }
}
