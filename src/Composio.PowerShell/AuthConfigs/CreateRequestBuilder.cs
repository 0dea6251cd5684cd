using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Requests;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Turns what a create was given (New-ComposioAuthConfig's parameters, a CSV row, a
    /// desired-state entry) into the request the client sends, checking everything the module can
    /// judge itself first (<see cref="CredentialValidator"/>), so a bad item sends nothing.
    /// </summary>
    internal sealed class CreateRequestBuilder
    {
        /// <summary>Credential fields that static parameters cover, and which parameter.</summary>
        public static readonly IReadOnlyDictionary<string, string> StaticFields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CredentialFields.Scopes] = "Scope",
            [CredentialFields.RedirectUri] = "RedirectUri",
            [CredentialFields.UserScopes] = "UserScope",
        };

        public AuthConfigType Type { get; set; }
        public string? AuthScheme { get; set; }
        public string? Name { get; set; }
        public IDictionary? Credentials { get; set; }
        public string[]? Scope { get; set; }
        public Uri? RedirectUri { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        /// <summary>
        /// The execution-tool restriction. The create body has no place for it (the spec's create
        /// takes only the creation tools), so it is sent right after the create as
        /// tool_access_config.tools_available_for_execution, as the official SDK's update sends it.
        /// </summary>
        public string[]? ToolsAvailableForExecution { get; set; }
        /// <summary>Managed OAuth user-token scopes (Slack's), sent as credentials.user_scopes.</summary>
        public string[]? UserScope { get; set; }
        public string? ProxyUrl { get; set; }
        public string? ProxyAuthKey { get; set; }
        public bool? IsEnabledForToolRouter { get; set; }
        /// <summary>Shared credentials (secrets every connection uses); values as given, text trimmed.</summary>
        public IDictionary? SharedCredentials { get; set; }
        /// <summary>The credential-field parameters given (-ClientSecret).</summary>
        public FieldArguments FieldArguments { get; set; } = FieldArguments.None;

        /// <summary>A piped CSV row: its columns named after the scheme's creation fields are credentials.</summary>
        public System.Management.Automation.PSObject? Row { get; set; }

        /// <summary>Whether the piped row says its config is disabled (an IsEnabled False or Status DISABLED column, as Export-Csv writes them).</summary>
        public bool RowDisabled =>
            Row != null && (string.Equals(Cell("IsEnabled"), "False", StringComparison.OrdinalIgnoreCase) || string.Equals(Cell("Status"), "DISABLED", StringComparison.OrdinalIgnoreCase));

        private string? Cell(string column) => (Row!.Properties[column]?.Value as string ?? Row.Properties[column]?.Value?.ToString())?.Trim();

        /// <summary>Send credential keys the scheme does not declare (its metadata may lag).</summary>
        public bool AllowUndeclaredFields { get; set; }


        /// <summary>What a message about the item calls it: "'GitHub' (toolkit github)" or "toolkit github".</summary>
        public string Label(string toolkit) => LabelOf(toolkit, Name);

        public static string LabelOf(string toolkit, string? name) =>
            string.IsNullOrWhiteSpace(name) ? $"toolkit {toolkit}" : $"'{name!.Trim()}' (toolkit {toolkit})";

        /// <summary>After <see cref="Build"/>: the scheme the config gets, when the module can tell.</summary>
        public AuthSchemeDetail? Scheme { get; private set; }

        public CreateAuthConfigRequest Build(Toolkit toolkit)
        {
            var target = Label(toolkit.Slug);
            var name = WhitespaceRule.Name(Name, target, "leave the name to the server");
            var scheme = Scheme = AuthSchemes.ForCreate(toolkit, Type, AuthScheme?.Trim());
            var given = CollectCredentials();
            if (Row != null && scheme != null)
            {
                AddRowFields(scheme, given);
            }
            var credentials = InDeclaredOrder(scheme, new CredentialValidator(toolkit, Type, scheme, AllowUndeclaredFields).Check(given, target));
            if (Type == AuthConfigType.Custom && scheme != null)
            {
                RequireFields(toolkit, scheme, credentials, target);
            }
            // Custom configs always send credentials ({} for schemes that need none), as the docs and
            // @composio/core 0.21 do; managed ones only when there is something to send.
            var send = credentials.Count > 0 || Credentials != null || Type == AuthConfigType.Custom;
            return new CreateAuthConfigRequest
            {
                Toolkit = toolkit.Slug,
                Type = Type,
                Name = name,
                // Managed auth sends no scheme, as the official SDK does.
                AuthScheme = Type == AuthConfigType.Custom ? scheme?.AuthScheme : null,
                Credentials = send ? credentials : null,
                ToolsForConnectedAccountCreation = WhitespaceRule.List(ToolsForConnectedAccountCreation),
                ProxyUrl = ProxyUrl?.Trim(),
                ProxyAuthKey = ProxyAuthKey,
                IsEnabledForToolRouter = IsEnabledForToolRouter,
                SharedCredentials = SharedCredentials == null ? null
                    : CredentialTable.From(SharedCredentials).ToDictionary(c => c.Key, c => CredentialValidator.Value(c.Key, c.Value, target), StringComparer.Ordinal),
            };
        }

        /// <summary>
        /// Credential fields in the order the scheme declares them (others after, as given): a
        /// hashtable has no order of its own, and the declared order is the one the docs' examples
        /// write, so the body matches the official SDK's byte for byte.
        /// </summary>
        private static Dictionary<string, object?> InDeclaredOrder(AuthSchemeDetail? scheme, Dictionary<string, object?> credentials)
        {
            var declared = (scheme?.AuthConfigCreationFields ?? Array.Empty<AuthConfigField>()).Select(f => f.Name).ToList();
            var ordered = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in credentials.OrderBy(c => declared.IndexOf(c.Key) is var i && i >= 0 ? i : int.MaxValue))
            {
                ordered[pair.Key] = pair.Value;
            }
            return ordered;
        }

        private Dictionary<string, object?> CollectCredentials()
        {
            var values = CredentialTable.From(Credentials, FieldArguments);
            if (Scope != null)
            {
                CredentialTable.AddOnce(values, CredentialFields.Scopes, string.Join(",", WhitespaceRule.List(Scope)!), "-Scope");
            }
            if (RedirectUri != null)
            {
                CredentialTable.AddOnce(values, CredentialFields.RedirectUri, RedirectUri.OriginalString, "-RedirectUri");
            }
            if (UserScope != null)
            {
                CredentialTable.AddOnce(values, CredentialFields.UserScopes, string.Join(",", WhitespaceRule.List(UserScope)!), "-UserScope");
            }
            return values;
        }

        /// <summary>Columns named after a creation field (case-insensitive); an empty cell is absent.</summary>
        private void AddRowFields(AuthSchemeDetail scheme, IDictionary<string, object?> values)
        {
            foreach (var field in scheme.AuthConfigCreationFields)
            {
                var column = Row!.Properties[field.Name];
                var value = column?.Value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : column?.Value;
                if (value == null || (value is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }
                CredentialTable.AddOnce(values, field.Name, CredentialTable.Value(field.Name, value), $"the column '{column!.Name}'");
            }
        }

        private void RequireFields(Toolkit toolkit, AuthSchemeDetail scheme, IDictionary<string, object?> values, string target)
        {
            // A field hidden from the user is never demanded: Composio applies its default.
            var missing = scheme.AuthConfigCreationFields
                .Where(f => f.Required && f.UserVisible && (!values.TryGetValue(f.Name, out var v) || v == null || (v is string s && s.Length == 0)))
                .ToList();
            if (missing.Count == 0)
            {
                return;
            }
            var described = missing.Select(f => $"{f.Name} ('{f.DisplayName ?? f.Name}', {ParameterFor(f)})");
            throw ErrorCatalog.MissingRequiredField.At(target, string.Join(", ", missing.Select(f => f.Name)),
                scheme.AuthScheme, toolkit.Slug, missing.Count == 1 ? "this field" : "these fields", string.Join("; ", described));
        }

        private string ParameterFor(AuthConfigField field)
        {
            if (StaticFields.TryGetValue(field.Name, out var staticName))
            {
                return "-" + staticName;
            }
            return FieldArguments.ParameterNames.TryGetValue(field.Name, out var dynamic) ? "-" + dynamic : $"-Credentials @{{ {field.Name} = ... }}";
        }
    }
}
