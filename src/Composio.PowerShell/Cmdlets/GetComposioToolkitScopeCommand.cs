using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-ComposioToolkitScope: the scopes a toolkit scheme lists (available, default, required),
    /// or, for given tools, the API's beta recommendation (least privilege, fewest, conditional).
    /// Both outputs carry a Scope property that binds to New-ComposioAuthConfig -Scope.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposioToolkitScope")]
    // By name: typeof() of a client type in an attribute could load Composio.Client before the module's resolver is hooked.
    [OutputType("Composio.ToolkitScopes", "Composio.ScopeRecommendation")]
    public sealed class GetComposioToolkitScopeCommand : ComposioCmdlet
    {
        private const string DefaultScheme = "OAUTH2";

        /// <summary>Slugs, Toolkit objects (Slug) and AuthConfig objects (Toolkit) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Slug")]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        public string Toolkit { get; set; } = string.Empty;

        /// <summary>Tool slugs to recommend scopes for; implies -Recommended.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Tool { get; set; }

        /// <summary>Ask the API for recommended scopes: for -Tool, or for every tool of the toolkit.</summary>
        [Parameter]
        public SwitchParameter Recommended { get; set; }

        /// <summary>OAUTH2 when the toolkit offers it, else its only scheme.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AuthSchemeCompleter))]
        public string? AuthScheme { get; set; }

        /// <summary>Grant-context dimension → value for the recommendation; implies -Recommended.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? GrantContext { get; set; }

        /// <summary>Add the scheme's required scopes the recommendation leaves out to both of its sets.</summary>
        [Parameter]
        public SwitchParameter IncludeRequired { get; set; }

        private bool Recommending => Tool != null || Recommended.IsPresent || GrantContext != null;

        protected override void ProcessRecord()
        {
            var connection = CurrentConnection;
            Toolkit toolkit;
            AuthSchemeDetail scheme;
            try
            {
                toolkit = RequireToolkit(connection, Toolkit);
                var wanted = string.IsNullOrEmpty(AuthScheme) && AuthSchemes.Offered(toolkit).Contains(DefaultScheme) ? DefaultScheme : AuthScheme;
                scheme = CheckAgainstToolkit(connection.Toolkits, toolkit, t => AuthSchemes.ForFields(t, wanted));
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex, Toolkit);
                return;
            }

            if (!Recommending)
            {
                Emit(ToolkitScopes.Of(scheme), connection);
                return;
            }
            try
            {
                var grantContext = CheckedGrantContext(toolkit.Slug, scheme.AuthScheme);
                if (grantContext == null && GrantContext != null)
                {
                    return; // The error is written.
                }
                var request = new ScopeRecommendationRequest
                {
                    Toolkit = toolkit.Slug,
                    Tools = Tool ?? Array.Empty<string>(),
                    // The API assumes OAUTH2; say the scheme only when it is another.
                    AuthScheme = scheme.AuthScheme == DefaultScheme ? null : scheme.AuthScheme,
                    GrantContext = grantContext,
                };
                var recommendation = Recommend(connection, request);
                CompleteWithRequired(recommendation, scheme);
                Emit(recommendation, connection);
            }
            catch (ComposioException ex)
            {
                WriteComposioError(ex, toolkit.Slug);
            }
        }

        /// <summary>
        /// The beta recommendation; where the service no longer (or not yet) serves it (404), the
        /// published POST /tools/scopes/required for the same tools, read into the same object.
        /// </summary>
        private ScopeRecommendation Recommend(ComposioConnection connection, ScopeRecommendationRequest request)
        {
            try
            {
                return Await(token => connection.Client.RecommendScopesAsync(request, token));
            }
            catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound && request.Tools.Length > 0)
            {
                Say($"The scope recommendation endpoint answered 404 ({ex.Message}); asking POST /tools/scopes/required instead{(request.GrantContext == null ? string.Empty : ", which takes no grant context")}.");
                request.AuthScheme ??= DefaultScheme;
                return Await(token => connection.Client.RequiredScopesAsync(request, token));
            }
        }

        /// <summary>
        /// The recommendation covers the tools, not what the scheme itself requires (often a
        /// profile scope): a config made from it alone may fail to connect. So the gap is a
        /// warning, and -IncludeRequired closes it.
        /// </summary>
        private void CompleteWithRequired(ScopeRecommendation recommendation, AuthSchemeDetail scheme)
        {
            var missing = scheme.RequiredScopes.Where(s => !recommendation.LeastPrivilege.Contains(s, StringComparer.Ordinal)).ToList();
            if (missing.Count == 0)
            {
                return;
            }
            var list = string.Join(", ", missing);
            if (!IncludeRequired.IsPresent)
            {
                Warn($"The recommended scopes leave out {list}, which toolkit '{scheme.Toolkit}' ({scheme.AuthScheme}) requires. Add -IncludeRequired to include {(missing.Count == 1 ? "it" : "them")}.");
                return;
            }
            recommendation.LeastPrivilege = recommendation.LeastPrivilege.Concat(missing).ToArray();
            recommendation.Fewest = recommendation.Fewest.Concat(missing.Where(s => !recommendation.Fewest.Contains(s, StringComparer.Ordinal))).ToArray();
            Say($"Added the scopes toolkit '{scheme.Toolkit}' ({scheme.AuthScheme}) requires: {list}.");
        }

        /// <summary>
        /// -GrantContext as strings, each key one of the scheme's dimensions and each value one of
        /// its values; null (with the error written) when not. Without the dimension list (the beta
        /// endpoint may be missing), the server judges.
        /// </summary>
        private Dictionary<string, string>? CheckedGrantContext(string toolkit, string scheme)
        {
            if (GrantContext == null)
            {
                return null;
            }
            var given = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in GrantContext)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                given[entry.Key?.ToString() ?? string.Empty] = value?.ToString() ?? string.Empty;
            }
            ToolkitGrantContext context;
            try
            {
                context = Await(token => Client.GetGrantContextAsync(toolkit, scheme, null, token));
            }
            catch (ComposioException ex) when (ex.Kind == ComposioErrorKind.NotFound)
            {
                Say($"The grant context of '{toolkit}' could not be listed ({ex.Message}); -GrantContext is sent unchecked.");
                return given;
            }
            foreach (var pair in given)
            {
                var dimension = context.Dimensions.FirstOrDefault(d => d.Dimension == pair.Key);
                if (dimension == null)
                {
                    var valid = context.Dimensions.Length == 0 ? "it has none" : "its dimensions are: " + string.Join(", ", context.Dimensions.Select(d => d.Dimension));
                    WriteComposioError(ErrorCatalog.InvalidGrantContext.At(pair.Key, "GrantContext",
                        $"-GrantContext names '{pair.Key}', which is not a grant-context dimension of '{toolkit}' ({scheme}); {valid}."));
                    return null;
                }
                if (dimension.Values.Length > 0 && !dimension.Values.Contains(pair.Value, StringComparer.Ordinal))
                {
                    WriteComposioError(ErrorCatalog.InvalidGrantContext.At(pair.Key, "GrantContext",
                        $"-GrantContext {pair.Key} = '{pair.Value}' is not one of: {string.Join(", ", dimension.Values)}."));
                    return null;
                }
            }
            return given;
        }
    }
}
