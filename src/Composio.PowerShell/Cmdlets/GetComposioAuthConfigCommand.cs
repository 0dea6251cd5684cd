using System;
using System.Management.Automation;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Json;
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

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string[]? Toolkit { get; set; }

        /// <summary>Matches name or id, as the server does.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
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
                throw Terminate(ErrorCatalog.ConflictingTypeFilter.New(null));
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
                Emit(config);
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
            if (!ToolkitsExist())
            {
                return;
            }
            // One page size for the whole walk (cursors may depend on it): the most the API gives,
            // or less when -Skip and -First together want less than one full page.
            var connection = CurrentConnection;
            var pageSize = connection.Client.Options.MaxPageSize;
            if (window.Remaining is ulong wanted && wanted < (ulong)pageSize)
            {
                pageSize = (int)Math.Max(1, wanted);
            }
            var walker = connection.Client.WalkAuthConfigs(query, pageSize);
            var progress = new ListingProgress(WriteProgress, ProgressActivityId, "Listing Composio auth configs", "auth configs");
            Say($"Listing auth configs{Filters()} in {connection}, {pageSize} a page.");
            while (walker.PagesRead == 0 || !window.IsFull)
            {
                Page<AuthConfig>? result;
                try
                {
                    result = Await(token => walker.NextAsync(token));
                }
                catch (ComposioException ex)
                {
                    // The listing is the one item here: it ends, and what was written stays written.
                    progress.Complete();
                    WriteComposioError(ex, Toolkit == null ? null : string.Join(",", Toolkit));
                    return;
                }
                if (result == null)
                {
                    break;
                }
                if (walker.PagesRead == 1)
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
                    if (window.Admit())
                    {
                        Emit(config, connection);
                    }
                }
                progress.Update(walker.ItemsRead, walker.PagesRead);
            }
            progress.Complete();
            Say($"Read {walker.ItemsRead} auth config(s) in {walker.PagesRead} page(s).");
            if (walker.Unreadable.Count > 0)
            {
                Warn("Listing auth configs: " + UnreadableValues.Describe(walker.Unreadable));
            }
            if (walker.CountDiffers)
            {
                Warn($"The server announced {walker.TotalItems} auth config(s) but listed {walker.ItemsRead}; the listing may be incomplete (the service has been seen to drop items when it clamps a page). Run it again before acting on what is missing.");
            }
        }

        /// <summary>
        /// A toolkit in the filter that no longer resolves (removed or renamed) still filters by
        /// toolkit_slug, since its configs may remain: a warning (naming similar toolkits, for a
        /// typo) instead of a refusal. Other failures (401, no connection) end the listing. The
        /// toolkit cache makes this free after the first time.
        /// </summary>
        private bool ToolkitsExist()
        {
            var cache = CurrentConnection.Toolkits;
            foreach (var slug in Toolkit ?? Array.Empty<string>())
            {
                try
                {
                    Await(token => cache.GetAsync(slug, token));
                }
                catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound)
                {
                    Warn($"{ToolkitErrors.Describe(ex, slug, cache).Message} Listing auth configs with toolkit_slug '{slug}' anyway: a removed or renamed toolkit's configs may remain.");
                }
                catch (ComposioException ex)
                {
                    WriteComposioError(ToolkitErrors.Describe(ex, slug, cache));
                    return false;
                }
            }
            return true;
        }

        private string Filters()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Toolkit != null)
            {
                parts.Add("toolkit " + string.Join(",", Toolkit));
            }
            if (Search != null)
            {
                parts.Add($"matching '{Search}'");
            }
            if (ComposioManaged.IsPresent)
            {
                parts.Add("Composio-managed");
            }
            if (Custom.IsPresent)
            {
                parts.Add("custom");
            }
            if (IncludeDisabled.IsPresent)
            {
                parts.Add("disabled included");
            }
            return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
        }
    }
}
