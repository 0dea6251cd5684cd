using System;
using System.Collections.Generic;
using System.Management.Automation;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Pipeline;
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
        private readonly HashSet<string> _done = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Alias Toolkit: an AuthConfig piped in binds its toolkit by property name.</summary>
        [Parameter(ParameterSetName = BySlugSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Toolkit")]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Slug { get; set; } = Array.Empty<string>();

        /// <summary>At least three characters (the API's rule, checked before sending).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ToolkitCategoryCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Category { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("composio", "all", "project")]
        public string? ManagedBy { get; set; }

        protected override void BeginProcessing()
        {
            if (Search != null && Search.Trim().Length < MinSearchLength)
            {
                ThrowTerminatingError(ErrorRecords.Invalid("SearchTooShort",
                    $"-Search needs at least {MinSearchLength} characters (the API's rule); '{Search}' has {Search.Trim().Length}.", Search));
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
            // Many configs of one toolkit piped in: fetch and write that toolkit once.
            if (!_done.Add(slug.ToLowerInvariant()))
            {
                return;
            }
            try
            {
                var toolkit = Await(token => Client.GetToolkitAsync(slug, token));
                ComposioSession.RequireToolkits().Remember(toolkit);
                WriteObject(toolkit);
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
            var pageSize = Client.Options.MaxPageSize;
            var progress = new ListingProgress(WriteProgress, ProgressActivityId, "Listing Composio toolkits", "toolkits");
            string? cursor = null;
            var page = 0;
            long read = 0;
            do
            {
                Page<Toolkit> result;
                try
                {
                    result = Await(token => Client.ListToolkitsAsync(query, cursor, pageSize, token));
                }
                catch (ComposioException ex)
                {
                    ThrowTerminatingError(ErrorRecords.From(ex, Category ?? Search));
                    return;
                }
                if (++page == 1)
                {
                    progress.Start(result.TotalItems, pageSize, null);
                }
                foreach (var toolkit in result.Items)
                {
                    read++;
                    WriteObject(toolkit);
                }
                progress.Update(read, page);
                cursor = result.NextCursor;
            }
            while (cursor != null);
            progress.Complete();
        }
    }
}
