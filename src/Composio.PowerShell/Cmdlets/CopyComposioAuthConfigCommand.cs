using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Composio.Client.Errors;
using Composio.Client.Redaction;
using Composio.Client.Validation;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Copy-ComposioAuthConfig: recreates auth configs in the project of -Connection, from piped
    /// configs or -Id (read through the default connection), with every field the create request
    /// can set: name, type, scheme, credentials (scopes among them), the tools for connected
    /// accounts, and the disabled state. Secrets are never readable, so they come from -Secret.
    /// Creates through New-ComposioAuthConfig's path (one builder, -SkipExisting, read-back).
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = InputObjectSet)]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfig")]
    public sealed class CopyComposioAuthConfigCommand : CreateCommand
    {
        private const string InputObjectSet = "InputObject";
        private const string IdSet = "Id";

        /// <summary>Configs from Get-ComposioAuthConfig (of another project, through its connection).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public AuthConfig[] InputObject { get; set; } = Array.Empty<AuthConfig>();

        /// <summary>Ids of configs to copy, read through the runspace's default connection.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [ArgumentCompleter(typeof(AuthConfigIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Secret credential values: @{ &lt;name or id&gt; = @{ client_secret = ... } }, or a script block
        /// that gets the source config as $_ and returns such a field table.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object? Secret { get; set; }

        /// <summary>Skip a config whose name already exists for its toolkit in the destination, and output that one.</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        private protected override bool SkipExistingGiven => SkipExisting.IsPresent;

        private protected override void Begin()
        {
            // -Connection is the destination; bound from a piped config it would be the source.
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Connection)) || Connection == null)
            {
                throw Terminate(ErrorCatalog.CopyDestinationRequired.New(null));
            }
            if (Secret != null && !(Unwrap(Secret) is IDictionary) && !(Unwrap(Secret) is ScriptBlock))
            {
                throw Terminate(ErrorCatalog.CopyDestinationRequired.Saying(
                    "-Secret takes a hashtable (@{ <name or id> = @{ client_secret = ... } }) or a script block that returns the fields of the config given as $_.", "Secret", "Secret"));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                var source = DefaultConnection.Get() ?? CurrentConnection;
                foreach (var id in Items(Id))
                {
                    AuthConfig config;
                    try
                    {
                        ApiIdentifiers.AuthConfigId(id);
                        config = Await(token => source.Client.GetAuthConfigAsync(id, token));
                    }
                    catch (ComposioException ex)
                    {
                        WriteComposioError(ex, id);
                        continue;
                    }
                    Copy(config);
                }
                return;
            }
            foreach (var config in Items(InputObject))
            {
                Copy(config);
            }
        }

        private void Copy(AuthConfig source)
        {
            var label = CreateRequestBuilder.LabelOf(source.Toolkit, source.Name) + " from " + source.Id;
            // Own connection left out: the piped config's project is the source, not a conflict.
            Run(new BulkItem(source.Id, label), null, connection =>
            {
                var builder = new CreateRequestBuilder
                {
                    Type = source.IsComposioManaged ? AuthConfigType.ComposioManaged : AuthConfigType.Custom,
                    AuthScheme = source.AuthScheme,
                    Name = source.Name,
                    Credentials = Credentials(source, label),
                    ToolsForConnectedAccountCreation = source.ToolsForConnectedAccountCreation.Count == 0 ? null : source.ToolsForConnectedAccountCreation.ToArray(),
                    ProxyUrl = source.ProxyUrl,
                    IsEnabledForToolRouter = source.IsEnabledForToolRouter,
                };
                var request = builder.Build(RequireToolkit(connection, source.Toolkit));
                return PlanCreate(connection, request, label, source.IsEnabled == false,
                    source.ToolsAvailableForExecution.Count == 0 ? null : source.ToolsAvailableForExecution.ToArray());
            });
        }

        /// <summary>The source's credentials with every masked value replaced from -Secret; an error naming the fields still missing.</summary>
        private Hashtable? Credentials(AuthConfig source, string label)
        {
            var given = SecretsFor(source);
            var credentials = new Hashtable(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var pair in source.Credentials)
            {
                if (given.TryGetValue(pair.Key, out var secret))
                {
                    credentials[pair.Key] = secret;
                }
                else if (pair.Value is string text && text == SecretNames.Mask)
                {
                    missing.Add(pair.Key);
                }
                else if (pair.Value != null)
                {
                    credentials[pair.Key] = pair.Value is IEnumerable<object?> list && !(pair.Value is string) ? string.Join(",", list) : pair.Value;
                }
            }
            foreach (var extra in given.Where(g => !credentials.ContainsKey(g.Key)))
            {
                credentials[extra.Key] = extra.Value;
            }
            if (missing.Count > 0)
            {
                var example = string.Join("; ", missing.Select(m => m + " = ..."));
                throw ErrorCatalog.CopySecretMissing.At(label, missing[0], label, string.Join(", ", missing), source.Name ?? source.Id, example);
            }
            return credentials.Count == 0 ? null : credentials;
        }

        /// <summary>The secret fields -Secret gives for one config: its entry by name, else by id, or the script block's answer.</summary>
        private Dictionary<string, object> SecretsFor(AuthConfig source)
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            object? fields = null;
            switch (Unwrap(Secret))
            {
                case ScriptBlock block:
                    fields = block.InvokeWithContext(null, new List<PSVariable> { new PSVariable("_", source) }).Select(o => o?.BaseObject).FirstOrDefault(o => o != null);
                    break;
                case IDictionary table:
                    fields = (source.Name != null && table.Contains(source.Name) ? table[source.Name] : null) ?? (table.Contains(source.Id) ? table[source.Id] : null);
                    break;
            }
            if (Unwrap(fields) is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                {
                    var value = Unwrap(entry.Value);
                    if (entry.Key != null && value != null)
                    {
                        result[entry.Key.ToString()!] = value is SecureString secure ? (object)secure : value.ToString()!;
                    }
                }
            }
            return result;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
