using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Logging;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.Client.Validation;
using Composio.PowerShell.Binding;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Errors;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-ComposioAuthConfig: changes only what is given (PATCH). The body variant follows the
    /// config's type: taken from a piped AuthConfig, else looked up with one GET.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class SetComposioAuthConfigCommand : BulkCommand
    {
        private const string ScopesKey = "scopes";
        private Dictionary<string, object?>? _credentials;
        private string _changes = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AuthConfigIdTransformation]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Merged key by key into the stored credentials (custom configs only).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Credentials { get; set; }

        /// <summary>Managed configs: the top-level scopes; custom configs: credentials.scopes.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Scope { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? ToolsForConnectedAccountCreation { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? ToolsAvailableForExecution { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _credentials = Credentials == null || Credentials.Count == 0 ? null : CredentialTable.From(Credentials);
            }
            catch (ComposioException ex)
            {
                ThrowComposioError(ex);
            }
            if (Scope != null && _credentials != null && _credentials.ContainsKey(ScopesKey))
            {
                ThrowComposioError(InputError.New("ScopeGivenTwice",
                    "Scopes were given both in -Scope and as -Credentials['scopes']; give them once.", ScopesKey));
            }
            _changes = DescribeChanges();
            if (_changes.Length == 0)
            {
                ThrowComposioError(InputError.New("NothingToSet",
                    "Nothing to change: give at least one of -Name, -Credentials, -Scope, -ToolsForConnectedAccountCreation, -ToolsAvailableForExecution."));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Items(Id))
            {
                SetOne(id);
            }
        }

        private void SetOne(string id)
        {
            try
            {
                ApiIdentifiers.AuthConfigId(id);
            }
            catch (ComposioException ex)
            {
                Dispatch(id, ex);
                return;
            }
            // Field names only, never values: a secret must not reach -WhatIf or a transcript.
            if (!ShouldProcessItem(id, "Change " + _changes))
            {
                return;
            }
            var connection = ItemConnection();
            var hasCredentials = _credentials != null;
            var passThru = PassThru.IsPresent;
            // Both body variants built here: the work item reads no cmdlet state.
            var managedBody = BuildRequest(AuthConfigType.ComposioManaged);
            var customBody = BuildRequest(AuthConfigType.Custom);
            Dispatch(id, async token =>
            {
                var type = await TypeOfAsync(connection, id, token).ConfigureAwait(false);
                if (type == AuthConfigType.ComposioManaged && hasCredentials)
                {
                    throw InputError.New("CredentialsOnManagedConfig",
                        $"Auth config {id} is Composio-managed: it has no credentials of yours to change. Use -Scope for its scopes, or create a custom config with your own app.", id);
                }
                await connection.Client.UpdateAuthConfigAsync(id, type == AuthConfigType.ComposioManaged ? managedBody : customBody, token).ConfigureAwait(false);
                // -PassThru reads the config back, so the object shows the server's state.
                return passThru ? await connection.Client.GetAuthConfigAsync(id, token).ConfigureAwait(false) : null;
            }, current =>
            {
                if (current != null)
                {
                    Emit(current, connection);
                }
            });
        }

        /// <summary>The type from a piped AuthConfig when there was one, else from the server (runs as the item's work).</summary>
        private static async Task<AuthConfigType> TypeOfAsync(ComposioConnection connection, string id, CancellationToken token)
        {
            if (connection.Seen.TryGetType(id, out var known))
            {
                return known;
            }
            ClientLog.Current?.Verbose($"Looking up the type of {id} to choose the update's body.");
            var config = await connection.Client.GetAuthConfigAsync(id, token).ConfigureAwait(false);
            connection.Seen.Remember(config);
            return config.Type;
        }

        private UpdateAuthConfigRequest BuildRequest(AuthConfigType type)
        {
            var request = new UpdateAuthConfigRequest
            {
                Type = type,
                Name = Name,
                ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
                ToolsAvailableForExecution = ToolsAvailableForExecution,
            };
            var scopes = Scope == null ? null : string.Join(",", Scope);
            if (type == AuthConfigType.ComposioManaged)
            {
                request.Scopes = scopes;
            }
            else if (_credentials != null || scopes != null)
            {
                var credentials = new Dictionary<string, object?>(_credentials ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
                if (scopes != null)
                {
                    credentials[ScopesKey] = scopes;
                }
                request.Credentials = credentials;
            }
            return request;
        }

        private string DescribeChanges()
        {
            var parts = new List<string>();
            if (Name != null)
            {
                parts.Add("name");
            }
            if (_credentials != null)
            {
                parts.Add("credentials (" + string.Join(", ", _credentials.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")");
            }
            if (Scope != null)
            {
                parts.Add("scopes");
            }
            if (ToolsForConnectedAccountCreation != null)
            {
                parts.Add("tools for connected account creation");
            }
            if (ToolsAvailableForExecution != null)
            {
                parts.Add("tools available for execution");
            }
            return string.Join(", ", parts);
        }
    }
}
