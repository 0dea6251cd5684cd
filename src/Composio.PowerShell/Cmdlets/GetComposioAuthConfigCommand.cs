using System;
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
    /// Get-ComposioAuthConfig: retrieves configs by id, or lists them with filters. The listing
    /// streams: each object is written as its page arrives, and no page is fetched once -First
    /// is satisfied.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposioAuthConfig", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class GetComposioAuthConfigCommand : ComposioCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const int ProgressActivityId = 4101;

        private PagingWindow? _window;

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Toolkit { get; set; }

        /// <summary>Matches name or id, as the server does.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ComposioManaged { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Custom { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeDisabled { get; set; }

        protected override void BeginProcessing()
        {
            if (ComposioManaged.IsPresent && Custom.IsPresent)
            {
                ThrowTerminatingError(ErrorRecords.Invalid("ConflictingTypeFilter",
                    "-ComposioManaged and -Custom exclude each other; give one, or neither to list both kinds.", null));
            }
            _window = new PagingWindow(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (_window!.IsFull)
                    {
                        return;
                    }
                    GetOne(id);
                }
            }
            else
            {
                List();
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ByIdSet && PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(_window!.Written, 1.0));
            }
        }

        private void GetOne(string id)
        {
            AuthConfig config;
            try
            {
                config = Await(token => Client.GetAuthConfigAsync(id, token));
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex, id);
                return;
            }
            if (_window!.Admit())
            {
                RecentAuthConfigs.Remember(Client, config);
                WriteObject(config);
            }
        }

        private void List()
        {
            var query = new AuthConfigQuery
            {
                Toolkits = Toolkit,
                Search = Search,
                IsComposioManaged = ComposioManaged.IsPresent ? true : Custom.IsPresent ? false : (bool?)null,
                ShowDisabled = IncludeDisabled.IsPresent,
            };
            var window = _window!;
            if (window.IsFull && !PagingParameters.IncludeTotalCount)
            {
                return; // -First 0: nothing wanted, nothing fetched.
            }
            // One page size for the whole walk (cursors may depend on it): the API's maximum,
            // or less when -Skip and -First together want less than one full page.
            var pageSize = Client.Options.MaxPageSize;
            if (window.Remaining is ulong wanted && wanted < (ulong)pageSize)
            {
                pageSize = (int)Math.Max(1, wanted);
            }
            string? cursor = null;
            var page = 0;
            long read = 0;
            var progress = new ListingProgress(WriteProgress, ProgressActivityId, "Listing Composio auth configs", "auth configs");
            do
            {
                Page<AuthConfig> result;
                try
                {
                    result = Await(token => Client.ListAuthConfigsAsync(query, cursor, pageSize, token));
                }
                catch (ComposioException ex)
                {
                    ThrowTerminatingError(ErrorRecords.From(ex, Toolkit == null ? null : string.Join(",", Toolkit)));
                    return;
                }
                page++;
                if (page == 1)
                {
                    if (PagingParameters.IncludeTotalCount)
                    {
                        // Known from the first page: written before the objects, as PowerShell's own cmdlets do.
                        WriteObject(result.TotalItems is int total
                            ? PagingParameters.NewTotalCount((ulong)total, 1.0)
                            : PagingParameters.NewTotalCount(0, 0.0));
                    }
                    progress.Start(result.TotalItems, pageSize, window.Remaining);
                }
                foreach (var config in result.Items)
                {
                    if (window.IsFull)
                    {
                        break;
                    }
                    read++;
                    if (window.Admit())
                    {
                        RecentAuthConfigs.Remember(Client, config);
                        WriteObject(config);
                    }
                }
                progress.Update(read, page);
                // A server that hands back the cursor it was given would loop forever: stop instead.
                cursor = result.NextCursor == cursor ? null : result.NextCursor;
            }
            while (cursor != null && !window.IsFull);
            progress.Complete();
        }
    }
}
