using System;
using System.Collections.Generic;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-ComposioToolkit: retrieves toolkits by slug (with their auth schemes and fields, kept in
    /// the toolkit cache for completion and dynamic parameters), or lists them with filters.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposioToolkit", DefaultParameterSetName = ListSet)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.Toolkit")]
    public sealed class GetComposioToolkitCommand : ComposioCmdlet
    {
        private const string ListSet = "List";
        private const string BySlugSet = "BySlug";
        private const int ProgressActivityId = 4102;
        private const int MinSearchLength = 3;
        /// <summary>The slugs written so far, per connection (the object itself: two connections are two projects).</summary>
        private readonly Dictionary<ComposioConnection, HashSet<string>> _done = new Dictionary<ComposioConnection, HashSet<string>>();

        /// <summary>Alias Toolkit: an AuthConfig piped in binds its toolkit by property name.</summary>
        [Parameter(ParameterSetName = BySlugSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Toolkit")]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        public string[] Slug { get; set; } = Array.Empty<string>();

        /// <summary>At least three characters (the API's rule, checked before sending).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ToolkitCategoryCompleter))]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string? Category { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("composio", "all", "project")]
        public string? ManagedBy { get; set; }

        protected override void BeginProcessing()
        {
            if (Search != null && Search.Trim().Length < MinSearchLength)
            {
                throw Terminate(ErrorCatalog.SearchTooShort.At(Search, "Search", MinSearchLength, Search, Search.Trim().Length));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == BySlugSet)
            {
                foreach (var slug in Slug)
                {
                    GetOne(slug);
                }
            }
            else
            {
                List();
            }
        }

        private void GetOne(string slug)
        {
            // Many configs of one toolkit piped in: fetch and write that toolkit once per project.
            var connection = CurrentConnection;
            if (!_done.TryGetValue(connection, out var written))
            {
                written = _done[connection] = new HashSet<string>(StringComparer.Ordinal);
            }
            if (!written.Add(slug.ToLowerInvariant()))
            {
                return;
            }
            try
            {
                var toolkit = Await(token => connection.Client.GetToolkitAsync(slug, token));
                connection.Toolkits.Remember(toolkit);
                Emit(toolkit, connection);
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex, slug);
            }
        }

        private void List()
        {
            var query = new ToolkitQuery
            {
                Search = Search?.Trim(),
                Category = Category,
                ManagedBy = ManagedBy?.ToLowerInvariant(),
            };
            var connection = CurrentConnection;
            var walker = connection.Client.WalkToolkits(query);
            Say($"Listing toolkits in {connection}, {walker.PageSize} a page.");
            Stream(connection, new Listing<Toolkit>(walker, "toolkit", ProgressActivityId) { ErrorTarget = Category ?? Search });
        }
    }
}
