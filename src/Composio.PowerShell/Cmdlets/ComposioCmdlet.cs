using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Composio.Client;
using Composio.Client.Errors;
using Composio.Client.Json;
using Composio.Client.Toolkits;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Pipeline;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// What every Composio cmdlet that acts in a project shares, besides <see cref="ModuleCmdlet"/>:
    /// -Connection, <see cref="Emit"/>, which stamps output with its connection, the toolkit
    /// lookup, the deletion gate and the one failure policy.
    /// </summary>
    public abstract class ComposioCmdlet : ModuleCmdlet
    {
        /// <summary>
        /// The project to act in. Binds from a piped object's own Connection, so objects go back
        /// to the project they came from; without one, the runspace's default (Connect-Composio).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ComposioConnection? Connection { get; set; }

        /// <summary>The connection for the current item; a terminating error when there is none to be had.</summary>
        internal ComposioConnection CurrentConnection
        {
            get
            {
                if (Connection != null)
                {
                    return Connection;
                }
                try
                {
                    return Connections.Require(this);
                }
                catch (ComposioException ex)
                {
                    throw Terminate(ex);
                }
            }
        }

        /// <summary>The client of the current item's connection.</summary>
        internal ComposioClient Client => CurrentConnection.Client;

        /// <summary>Writes an object that came from the API, stamped with the connection it came through.</summary>
        internal void Emit(object item, ComposioConnection? from = null)
        {
            var connection = from ?? CurrentConnection;
            if (item is AuthConfig config)
            {
                // A created config's credentials come with its first read (see AuthConfig): masked then,
                // from the cached toolkit (New just used it), so emitting it sends nothing.
                config.WhenComplete(c => ToolkitSecretMask.Apply(c, () =>
                    c == config ? ToolkitOf(connection, c.Toolkit) : connection.Toolkits.TryGetCached(c.Toolkit, out var cached) ? cached : null));
                connection.Seen.Remember(config);
            }
            WriteObject(OutputStamp.Stamp(item, connection));
        }

        /// <summary>The toolkit (the cache's rule: cached, else one request); null when it cannot be had.</summary>
        private Toolkit? ToolkitOf(ComposioConnection connection, string slug)
        {
            try
            {
                return Await(token => connection.Toolkits.GetAsync(slug, token));
            }
            catch (ComposioException)
            {
                return null;
            }
        }

        /// <summary>
        /// The toolkit a command needs (the cache's rule: cached, else one request). Any failure is
        /// thrown as the toolkit's error (<see cref="ToolkitError"/>): an unknown toolkit is
        /// ToolkitNotFound, naming similar ones.
        /// </summary>
        private protected Toolkit RequireToolkit(ComposioConnection connection, string slug)
        {
            try
            {
                return Await(token => connection.Toolkits.GetAsync(slug, token));
            }
            catch (ComposioException ex)
            {
                throw ToolkitError(ex, slug, connection);
            }
        }

        /// <summary>
        /// The toolkits of these slugs, each read once (cached, else one request); any failure ends
        /// the command, except an unknown toolkit when <paramref name="leaveOutUnknown"/>: it is then
        /// missing from the result, for the caller's own checks to name.
        /// </summary>
        private protected Dictionary<string, Toolkit> RequireToolkits(IEnumerable<string> slugs, bool leaveOutUnknown)
        {
            var connection = CurrentConnection;
            var result = new Dictionary<string, Toolkit>(StringComparer.Ordinal);
            foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    result[slug] = Await(token => connection.Toolkits.GetAsync(slug, token));
                }
                catch (ComposioException ex) when (leaveOutUnknown && ToolkitErrors.IsNotFound(ex))
                {
                    // Left out.
                }
                catch (ComposioException ex)
                {
                    throw Terminate(ToolkitError(ex, slug, connection), slug);
                }
            }
            return result;
        }

        /// <summary>
        /// A failed toolkit lookup as <see cref="ToolkitErrors"/> names it. The similar toolkits an
        /// unknown one is told about come from the slug list: cached, else one request within the
        /// completion budget, relayed and stopped like any other; none when it cannot be had (an
        /// error message must not fail).
        /// </summary>
        private protected ComposioException ToolkitError(ComposioException ex, string slug, ComposioConnection connection) =>
            ToolkitErrors.LookupError(ex, slug, () => KnownSlugs(connection));

        private IReadOnlyList<string>? KnownSlugs(ComposioConnection connection)
        {
            try
            {
                return Await(async token =>
                {
                    using var budget = CancellationTokenSource.CreateLinkedTokenSource(token);
                    budget.CancelAfter(Completion.RequestBudget);
                    return await connection.Toolkits.GetSlugsAsync(budget.Token).ConfigureAwait(false);
                });
            }
            catch (Exception failed) when (failed is ComposioException || failed is OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>
        /// The one listing loop of the Get cmdlets: reads page by page and writes each page's items
        /// as it arrives, so the first objects show at once and no page is read once
        /// <see cref="Listing{T}.Enough"/>; a progress bar past a few pages; at the end, what the walker
        /// noticed (values it could not read, fewer items than the server announced). A failure ends
        /// the listing as its one error, and what was written stays written.
        /// </summary>
        private protected void Stream<T>(ComposioConnection connection, Listing<T> listing) where T : class
        {
            var walker = listing.Walker;
            var noun = listing.Noun;
            var progress = new ListingProgress(WriteProgress, listing.ProgressActivityId, $"Listing Composio {noun}s", noun + "s");
            while (walker.PagesRead == 0 || !listing.Enough())
            {
                Page<T>? page;
                try
                {
                    page = Await(token => walker.NextAsync(token));
                }
                catch (ComposioException ex)
                {
                    progress.Complete();
                    WriteComposioError(ex, listing.ErrorTarget);
                    return;
                }
                if (page == null)
                {
                    break;
                }
                if (walker.PagesRead == 1)
                {
                    listing.FirstPage?.Invoke(page);
                    progress.Start(page.TotalItems, walker.PageSize, listing.Remaining);
                }
                foreach (var item in page.Items)
                {
                    if (listing.Enough())
                    {
                        break;
                    }
                    if (listing.Admit(item))
                    {
                        Emit(item, connection);
                    }
                }
                progress.Update(walker.ItemsRead, walker.PagesRead);
            }
            progress.Complete();
            Say($"Read {walker.ItemsRead} {noun}(s) in {walker.PagesRead} page(s).");
            if (walker.Unreadable.Count > 0)
            {
                Warn($"Listing {noun}s: " + UnreadableValues.Summary(walker.Unreadable));
            }
            if (walker.CountDiffers)
            {
                Warn($"The server announced {walker.TotalItems} {noun}(s) but listed {walker.ItemsRead}; the listing may be incomplete{listing.IncompleteAdvice}.");
            }
        }

        /// <summary>
        /// Reports a failure about one pipeline item: non-terminating, so the next item goes on,
        /// unless no other item could succeed either (see <see cref="FailurePolicy"/>).
        /// </summary>
        protected void WriteComposioError(ComposioException ex, object? target = null, string? label = null) =>
            WriteItemError(ErrorRecords.From(ex, target, label), FailurePolicy.StopsPipeline(ex));

        private protected void WriteItemError(ErrorRecord record, bool stopsPipeline)
        {
            if (stopsPipeline)
            {
                ThrowTerminatingError(record);
            }
            WriteError(record);
        }

        /// <summary>
        /// The one gate for deletions (Remove-ComposioAuthConfig, Sync -Prune): asked as at
        /// ConfirmImpact High whatever the cmdlet's own impact; -Force skips the question, but not
        /// -WhatIf nor an explicit -Confirm. A host that cannot ask (-NonInteractive) gives
        /// <paramref name="refused"/> (ConfirmationRequired, for this item only) instead of the
        /// host's error ending the whole pipeline at the first item.
        /// </summary>
        private protected bool ApproveDeletion(string target, string action, bool force, out ComposioException? refused)
        {
            refused = null;
            target = ConsoleText.Escape(target); // A name from the server, shown in WhatIf and confirmation text.
            var gate = DeletionGateOf(force, out var confirm);
            if (gate == DeletionGate.WhatIf)
            {
                return ShouldProcess(target, action);
            }
            if (gate == DeletionGate.Go)
            {
                Say($"Performing the operation \"{action}\" on target \"{target}\".");
                return true;
            }
            try
            {
                if (OwnImpact() >= ConfirmImpact.High || confirm)
                {
                    return ShouldProcess(target, action);
                }
                // The cmdlet's own impact is lower (Sync): ShouldProcess would not ask, so ask here.
                return ShouldContinue($"{action} on target \"{target}\".", "Confirm", ref _yesToAllDeletions, ref _noToAllDeletions);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException || ex is NotImplementedException)
            {
                refused = ErrorCatalog.ConfirmationRequired.At(target, "Force", target, "deleted");
                return false;
            }
        }

        /// <summary>
        /// Whether <see cref="ApproveDeletion"/> will show its target (a -WhatIf line or a
        /// question), decided from the same parameters and preferences, so a cmdlet reads what
        /// only the text needs (Remove's connected-account count) only when it is shown.
        /// </summary>
        private protected bool DeletionTargetShown(bool force) => DeletionGateOf(force, out _) != DeletionGate.Go;

        private enum DeletionGate { WhatIf, Ask, Go }

        private DeletionGate DeletionGateOf(bool force, out bool confirm)
        {
            var bound = MyInvocation.BoundParameters;
            var whatIf = bound.TryGetValue("WhatIf", out var whatIfValue)
                ? LanguagePrimitives.IsTrue(whatIfValue)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            var confirmGiven = bound.TryGetValue("Confirm", out var confirmValue);
            confirm = confirmGiven && LanguagePrimitives.IsTrue(confirmValue);
            if (whatIf)
            {
                return DeletionGate.WhatIf;
            }
            return confirm || (!force && !confirmGiven && !ConfirmsNothing()) ? DeletionGate.Ask : DeletionGate.Go;
        }

        private bool _yesToAllDeletions;
        private bool _noToAllDeletions;

        /// <summary>$ConfirmPreference None: nothing is ever asked.</summary>
        private bool ConfirmsNothing() =>
            LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var preference) && preference == ConfirmImpact.None;

        private ConfirmImpact OwnImpact() =>
            ((CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute)))?.ConfirmImpact ?? ConfirmImpact.Medium;

        /// <summary>
        /// Runs a check against a toolkit's metadata; when it refuses what the metadata may not
        /// know yet (<see cref="StaleMetadata"/>), the toolkit is read again once and the check
        /// repeated, so a stale cache never refuses what the service would accept.
        /// </summary>
        internal T CheckAgainstToolkit<T>(ToolkitCache cache, Toolkit toolkit, Func<Toolkit, T> check)
        {
            try
            {
                return check(toolkit);
            }
            catch (ComposioException ex) when (StaleMetadata.MayBeStale(ex))
            {
                Say($"Toolkit '{toolkit.Slug}' as cached refuses this ({ex.ErrorId}); reading the toolkit again before refusing.");
                var fresh = Await(token => cache.RefreshAsync(toolkit.Slug, token));
                return check(fresh);
            }
        }

    }
}
