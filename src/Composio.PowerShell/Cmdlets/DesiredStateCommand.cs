using System.Collections.Generic;
using System.Management.Automation;
using Composio.Client.Requests;
using Composio.PowerShell.Binding;
using Composio.PowerShell.DesiredState;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What Export- and Sync-ComposioAuthConfig share: the desired-state file (-Path) and the
    /// complete listing of the project's configs they decide from.
    /// </summary>
    public abstract class DesiredStateCommand : ComposioCmdlet
    {
        /// <summary>The desired-state file; its extension (.psd1 or .json) picks the format.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        public string Path { get; set; } = string.Empty;

        /// <summary>-Path as a file-system path, relative to the current location (the file need not exist).</summary>
        private protected string FilePath => GetUnresolvedProviderPathFromPSPath(Path);

        /// <summary>Every config the query lists, read to the end (<see cref="ConfigListing"/>: a partial listing is an error).</summary>
        private protected List<AuthConfig> ReadAllConfigs(AuthConfigQuery query) =>
            ConfigListing.ReadAll(Client.WalkAuthConfigs(query), walker => Await(token => walker.NextAsync(token)), Warn);
    }
}
