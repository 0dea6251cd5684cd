using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client;

namespace Composio.PowerShell.Connection
{
    /// <summary>A connection's toolkit categories, kept a few minutes so repeated Tab presses cost nothing.</summary>
    internal sealed class ToolkitCategories
    {
        private static readonly TimeSpan s_maxAge = TimeSpan.FromMinutes(10);
        private readonly ComposioClient _client;
        private readonly object _gate = new object();
        private DateTime _storedAt;
        private IReadOnlyList<ToolkitCategory>? _categories;

        public ToolkitCategories(ComposioClient client) => _client = client;

        public async Task<IReadOnlyList<ToolkitCategory>> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_categories != null && DateTime.UtcNow - _storedAt < s_maxAge)
                {
                    return _categories;
                }
            }
            var fetched = await _client.WalkToolkitCategories().ReadAllAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _categories = fetched;
                _storedAt = DateTime.UtcNow;
            }
            return fetched;
        }
    }
}
