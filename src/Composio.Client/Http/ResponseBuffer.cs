using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;

namespace Composio.Client.Http
{
    /// <summary>Reads an answer's body into memory, bounded in size, in a way a token can interrupt.</summary>
    internal static class ResponseBuffer
    {
        private const int ChunkSize = 81920;

        /// <summary>
        /// netstandard2.0's body reads take no token, so a server that sends headers and then stalls
        /// would hold the caller forever. Disposing the response aborts the read; the caller then
        /// sees the token as cancelled and reports a timeout or a stop, not the disposal. A body
        /// larger than <paramref name="maxBytes"/> (by its Content-Length, before reading, or as it
        /// streams) is <c>ComposioResponseTooLarge</c>: no retry, so it is never downloaded again.
        /// </summary>
        public static async Task LoadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content == null || content is BufferedContent)
            {
                return;
            }
            if (content.Headers.ContentLength > maxBytes)
            {
                throw TooLarge(response, maxBytes);
            }
            using (cancellationToken.Register(state => ((HttpResponseMessage)state!).Dispose(), response))
            {
                var body = new MemoryStream();
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    var chunk = new byte[ChunkSize];
                    int read;
                    while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (body.Length + read > maxBytes)
                        {
                            throw TooLarge(response, maxBytes);
                        }
                        body.Write(chunk, 0, read);
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
                var buffered = new BufferedContent(body.ToArray());
                foreach (var header in content.Headers)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                response.Content = buffered;
                content.Dispose();
            }
        }

        private static ComposioException TooLarge(HttpResponseMessage response, long maxBytes)
        {
            var request = response.RequestMessage;
            var status = (int)response.StatusCode;
            response.Dispose(); // Closes the connection: the rest of the body is never read.
            return new ComposioException("ComposioResponseTooLarge", ComposioErrorKind.InvalidResponse,
                $"The answer to {request?.Method} {request?.RequestUri?.AbsolutePath} (HTTP {status}) is larger than the {maxBytes / (1024.0 * 1024.0):0.##} MiB allowed for one answer; it was not read further, nor asked again. Raise the connection's limit if a real answer can be that large.")
            {
                StatusCode = status,
                // A change the server answered (even too verbosely) may have been made.
                MayHaveActed = request != null && request.Method != HttpMethod.Get,
            };
        }

        /// <summary>A body already read and checked, so an outer handler does not read it again.</summary>
        private sealed class BufferedContent : ByteArrayContent
        {
            public BufferedContent(byte[] bytes)
                : base(bytes)
            {
            }
        }
    }
}
