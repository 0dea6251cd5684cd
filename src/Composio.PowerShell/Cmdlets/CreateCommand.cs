using System;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Connection;
using Composio.PowerShell.DesiredState;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// The one create path of New- and Copy-ComposioAuthConfig, after the request is built:
    /// -SkipExisting (one listing of the toolkit per command), the known-name warning, the POST,
    /// the disable of a disabled source, the read-back, and the output.
    /// </summary>
    public abstract class CreateCommand : BulkCommand
    {
        private readonly ExistingConfigs _existing = new ExistingConfigs();

        /// <summary>-SkipExisting of the cmdlet.</summary>
        private protected abstract bool SkipExistingGiven { get; }

        private protected override void CountDone(RunSummary summary) => summary.Created++;

        private protected override string? IdOf(object result) => (result as Created)?.Made.Id;

        /// <summary>The plan of one create, or null when -SkipExisting found the name (the existing config is output).</summary>
        private protected ItemPlan<Created>? PlanCreate(ComposioConnection connection, CreateAuthConfigRequest request, string label, bool disable, string[]? executionTools = null)
        {
            if (request.Name != null)
            {
                var existing = SkipExistingGiven ? Existing(connection, request) : null;
                if (existing != null)
                {
                    Say($"Skipped {label}: it exists already as {existing.Id}.");
                    Summary.Skipped++;
                    Emit(existing, connection);
                    return null;
                }
                if (!SkipExistingGiven && connection.Seen.TryFindNamed(request.Toolkit, request.Name, out var seen))
                {
                    // What this connection already knows, at no extra request: New keeps its one round trip.
                    Warn($"An auth config named '{request.Name}' already exists for toolkit {request.Toolkit} ({seen.Id}); another one is created. Use -SkipExisting to skip names that exist.");
                }
            }
            // An unclear outcome's error says how to check for a config the lost answer may have created.
            return new ItemPlan<Created>(ActionText(request, disable), async token =>
            {
                var created = await connection.Client.CreateAuthConfigAsync(request, token).ConfigureAwait(false);
                connection.Seen.Remember(created);
                try
                {
                    if (executionTools != null)
                    {
                        // What the create body cannot carry, as the official SDK's update sends it.
                        await connection.Client.UpdateAuthConfigAsync(created.Id, new UpdateAuthConfigRequest { Type = request.Type, ToolsAvailableForExecution = executionTools }, token).ConfigureAwait(false);
                    }
                    if (disable)
                    {
                        // A disabled source (a CSV row from Export-Csv, a copied config) stays disabled.
                        await connection.Client.SetAuthConfigEnabledAsync(created.Id, false, token).ConfigureAwait(false);
                        created.Status = "DISABLED";
                    }
                    // With a name the output is built from the request and the answer (see CreateAuthConfigAsync):
                    // no read-back. Without, the server picks the name, which the create answer does not carry.
                    var current = request.Name != null ? null : await connection.Client.GetAuthConfigAsync(created.Id, token).ConfigureAwait(false);
                    return new Created(created, current, null);
                }
                catch (ComposioException ex)
                {
                    // The config exists: never lose its id because the read-back failed.
                    return new Created(created, null, ex);
                }
            }, result =>
            {
                Say($"Created auth config {result.Made.Id} for toolkit '{result.Made.Toolkit}'.");
                if (result.ReadBackFailure != null)
                {
                    Warn($"Auth config {result.Made.Id} was created, but reading it back failed ({result.ReadBackFailure.Message}). The output holds only what the create answer said; Get-ComposioAuthConfig -Id {result.Made.Id} shows the rest.");
                }
                var made = result.Current ?? result.Made;
                _existing.Add(connection, made);
                Emit(made, connection);
            })
            { Target = ChangeTarget.Of(request.Name, null, request.Toolkit, connection) };
        }

        /// <summary>For -SkipExisting: the config of this name and toolkit, from one listing of the toolkit per command.</summary>
        private AuthConfig? Existing(ComposioConnection connection, CreateAuthConfigRequest request)
        {
            if (!_existing.Has(connection, request.Toolkit))
            {
                var query = new AuthConfigQuery { Toolkits = new[] { request.Toolkit }, ShowDisabled = true };
                _existing.Fill(connection, request.Toolkit, ConfigListing.ReadAll(connection.Client.WalkAuthConfigs(query), walker => Await(token => walker.NextAsync(token)), Warn));
            }
            return _existing.Find(connection, request.Toolkit, request.Name!);
        }

        /// <summary>Names the credential fields sent, never their values.</summary>
        private static string ActionText(CreateAuthConfigRequest request, bool disabled)
        {
            var kind = request.Type == AuthConfigType.Custom ? $"custom {request.AuthScheme}" : "Composio-managed";
            var fields = request.Credentials == null || request.Credentials.Count == 0
                ? string.Empty
                : " with credential fields " + string.Join(", ", request.Credentials.Keys.OrderBy(k => k, StringComparer.Ordinal));
            return $"Create {kind} auth config{fields}{(disabled ? ", disabled" : string.Empty)}";
        }

        /// <summary>What one create's work item hands back: the create's answer, the read-back, or why the read-back failed.</summary>
        private protected sealed class Created
        {
            public Created(AuthConfig made, AuthConfig? current, ComposioException? readBackFailure)
            {
                Made = made;
                Current = current;
                ReadBackFailure = readBackFailure;
            }

            public AuthConfig Made { get; }
            public AuthConfig? Current { get; }
            public ComposioException? ReadBackFailure { get; }
        }
    }
}
