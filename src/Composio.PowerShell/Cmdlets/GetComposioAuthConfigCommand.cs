using System;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.AuthConfigs;
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

        /// <summary>
        /// Names (or ids) with wildcards; several patterns match any. Positional: a value that is a
        /// plain auth config id is fetched by id, so `Get-ComposioAuthConfig ac_1` still works.
        /// </summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AuthConfigNameCompleter))]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        [RejectScriptBlock]
        public string[]? Toolkit { get; set; }

        /// <summary>Matches name or id, as the server does; with wildcards, matched like -like.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ComposioManaged { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Custom { get; set; }

        /// <summary>Enabled or Disabled; both when absent.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet(ListingFilter.Enabled, ListingFilter.Disabled, IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Accepted for scripts written for 0.1, where disabled configs were hidden: listings now show both states.</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
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
            if (ParameterSetName == ByIdSet || IsIdLookup)
            {
                foreach (var id in ParameterSetName == ByIdSet ? Id : Name!)
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
            if ((ParameterSetName == ByIdSet || IsIdLookup) && PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(_window!.Written, 1.0));
            }
        }

        /// <summary>Only ids in the positional -Name and no other filter: a lookup by id, not a listing.</summary>
        private bool IsIdLookup =>
            ListingFilter.AreIds(Name) && Toolkit == null && Search == null && Status == null
            && !ComposioManaged.IsPresent && !Custom.IsPresent;

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
            var filter = new ListingFilter(Name, Toolkit, Search, Status,
                ComposioManaged.IsPresent ? true : Custom.IsPresent ? false : (bool?)null);
            var window = _window!;
            if (window.IsFull && !PagingParameters.IncludeTotalCount)
            {
                return; // -First 0: nothing wanted, nothing fetched.
            }
            if (!ToolkitsExist(filter.LiteralToolkits))
            {
                return;
            }
            // One page size for the whole walk (cursors may depend on it): the most the API gives,
            // or less when -Skip and -First together want less than one full page.
            var connection = CurrentConnection;
            var pageSize = connection.Client.Options.MaxPageSize;
            if (window.Remaining is ulong wanted && wanted < (ulong)pageSize && !filter.MatchesClientSide)
            {
                pageSize = (int)Math.Max(1, wanted);
            }
            Say($"Listing auth configs{Filters()} in {connection}, {pageSize} a page.");
            Stream(connection, new Listing<AuthConfig>(connection.Client.WalkAuthConfigs(filter.Query, pageSize), "auth config", ProgressActivityId)
            {
                ErrorTarget = Toolkit == null ? null : string.Join(",", Toolkit),
                Enough = () => window.IsFull,
                Admit = config => filter.IsMatch(config) && window.Admit(),
                Remaining = window.Remaining,
                FirstPage = page =>
                {
                    if (PagingParameters.IncludeTotalCount)
                    {
                        // Known from the first page: written before the objects, as PowerShell's own cmdlets do.
                        // The server's total counts configs a client-side pattern may still drop.
                        WriteObject(page.TotalItems is int total && !filter.MatchesClientSide
                            ? PagingParameters.NewTotalCount((ulong)total, 1.0)
                            : PagingParameters.NewTotalCount(0, 0.0));
                    }
                },
                IncompleteAdvice = " (the service has been seen to drop items when it clamps a page). Run it again before acting on what is missing",
            });
        }

        /// <summary>
        /// A toolkit in the filter that no longer resolves (removed or renamed) still filters by
        /// toolkit_slug, since its configs may remain: a warning (naming similar toolkits, for a
        /// typo) instead of a refusal. Other failures (401, no connection) end the listing. The
        /// toolkit cache makes this free after the first time.
        /// </summary>
        private bool ToolkitsExist(System.Collections.Generic.IEnumerable<string> slugs)
        {
            try
            {
                // A pattern is slug characters and wildcards: 'github?x=1' is a mistake, not a pattern.
                ListingFilter.CheckToolkitPatterns(Toolkit);
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex);
                return false;
            }
            var connection = CurrentConnection;
            foreach (var slug in slugs)
            {
                try
                {
                    Await(token => connection.Toolkits.GetAsync(slug, token));
                }
                catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound)
                {
                    Warn($"{ToolkitError(ex, slug, connection).Message} Listing auth configs with toolkit_slug '{slug}' anyway: a removed or renamed toolkit's configs may remain.");
                }
                catch (ComposioException ex)
                {
                    WriteComposioError(ToolkitError(ex, slug, connection));
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
            if (Name != null)
            {
                parts.Add("named " + string.Join(", ", Name));
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
            if (Status != null)
            {
                parts.Add(Status.ToLowerInvariant() + " only");
            }
            return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
        }
    }
}
