using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-ComposioAuthConfigField: the fields a toolkit's auth scheme asks for when an auth config
    /// is created (or when an account connects), required ones first, as the SDK lists them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposioAuthConfigField", DefaultParameterSetName = DefaultSet)]
    // By name: a typeof() of a client type in an attribute would load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.AuthConfigField")]
    public sealed class GetComposioAuthConfigFieldCommand : ComposioCmdlet
    {
        public const string DefaultSet = "Default";
        public const string AuthConfigCreation = "AuthConfigCreation";
        public const string ConnectedAccountInitiation = "ConnectedAccountInitiation";

        /// <summary>The toolkit slug; Toolkit objects (Slug) and AuthConfig objects (Toolkit) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = DefaultSet)]
        [Alias("Slug")]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        public string Toolkit { get; set; } = string.Empty;

        /// <summary>When omitted, every scheme of the toolkit (the Scheme column tells them apart).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = DefaultSet)]
        [ArgumentCompleter(typeof(AuthSchemeCompleter))]
        public string? AuthScheme { get; set; }

        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter RequiredOnly { get; set; }

        /// <summary>Which fields: those given when creating an auth config (default) or when connecting an account.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [ValidateSet(AuthConfigCreation, ConnectedAccountInitiation)]
        public string For { get; set; } = AuthConfigCreation;

        /// <summary>Also list fields Composio fills itself (UserVisible false), which nobody is asked for.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter IncludeHidden { get; set; }

        protected override void ProcessRecord()
        {
            var connection = CurrentConnection;
            AuthSchemeDetail[] schemes;
            try
            {
                var toolkit = RequireToolkit(connection, Toolkit);
                var offered = AuthSchemes.Offered(toolkit);
                // Several schemes and none chosen: all of them, rather than an error that only lists their names.
                schemes = string.IsNullOrEmpty(AuthScheme) && offered.Length > 1
                    ? offered.Select(name => AuthSchemes.Detail(toolkit, name)).ToArray()
                    : new[] { CheckAgainstToolkit(connection.Toolkits, toolkit, t => AuthSchemes.ForFields(t, AuthScheme)) };
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex);
                return;
            }

            foreach (var scheme in schemes)
            {
                var fields = (For == ConnectedAccountInitiation ? scheme.ConnectedAccountInitiationFields : scheme.AuthConfigCreationFields)
                    .Where(f => f.UserVisible || IncludeHidden)
                    .ToArray();
                // Required first, in the toolkit's order within each group.
                foreach (var field in fields.Where(f => f.Required).Concat(RequiredOnly ? Enumerable.Empty<AuthConfigField>() : fields.Where(f => !f.Required)))
                {
                    Emit(field, connection);
                }
            }
        }
    }
}
