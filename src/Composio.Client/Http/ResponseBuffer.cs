using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Composio.Client.Http
{
    /// <summary>Reads an answer's body into memory in a way a token can interrupt.</summary>
    internal static class ResponseBuffer
    {
        /// <summary>
        /// netstandard2.0's LoadIntoBufferAsync takes no token, so a server that sends headers and then
        /// stalls would hold the caller forever. Disposing the response aborts the read; the caller
        /// then sees the token as cancelled and reports a timeout or a stop, not the disposal.
        /// </summary>
        public static async Task LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content == null)
            {
                return;
            }
            using (cancellationToken.Register(state => ((HttpResponseMessage)state!).Dispose(), response))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
