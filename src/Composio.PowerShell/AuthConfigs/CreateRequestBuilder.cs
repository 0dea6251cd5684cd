using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Requests;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Turns what New-ComposioAuthConfig was given into the request the client sends, checking
    /// everything the module can judge itself first, so a bad command sends nothing.
    /// </summary>
    internal sealed class CreateRequestBuilder
    {
        /// <summary>Credential fields that static parameters cover, and which parameter.</summary>
        public static readonly IReadOnlyDictionary<string, string> StaticFields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scopes"] = "Scope",
            ["oauth_redirect_uri"] = "RedirectUri",
        };

        public AuthConfigType Type { get; set; }
        public string? AuthScheme { get; set; }
        public string? Name { get; set; }
        public IDictionary? Credentials { get; set; }
        public string[]? Scope { get; set; }
        public Uri? RedirectUri { get; set; }
        public string[]? ToolsForConnectedAccountCreation { get; set; }
        public AuthFieldParameters FieldParameters { get; set; } = AuthFieldParameters.Empty;

        /// <summary>A piped CSV row: its columns named after the scheme's creation fields are credentials.</summary>
        public System.Management.Automation.PSObject? Row { get; set; }

        /// <summary>Send credential keys the scheme does not declare (its metadata may lag).</summary>
        public bool AllowUndeclaredFields { get; set; }

        /// <summary>After <see cref="Build"/>: the scheme the config gets, when the module can tell.</summary>
        public AuthSchemeDetail? Scheme { get; private set; }

        public CreateAuthConfigRequest Build(Toolkit toolkit)
        {
            var scheme = Scheme = AuthSchemes.ForCreate(toolkit, Type, AuthScheme);
            var credentials = CollectCredentials();
            if (Row != null && scheme != null)
            {
                AddRowFields(scheme, credentials);
            }
            CredentialKeys.Check(toolkit, Type, scheme, credentials.Keys, AllowUndeclaredFields);
            if (Type == AuthConfigType.Custom && scheme != null)
            {
                RequireFields(toolkit, scheme, credentials);
            }
            return new CreateAuthConfigRequest
            {
                Toolkit = toolkit.Slug,
                Type = Type,
                Name = Name,
                // Managed auth sends no scheme, as the official SDK does.
                AuthScheme = Type == AuthConfigType.Custom ? scheme?.AuthScheme : null,
                Credentials = Credentials == null && credentials.Count == 0 ? null : credentials,
                ToolsForConnectedAccountCreation = ToolsForConnectedAccountCreation,
            };
        }

        private Dictionary<string, object?> CollectCredentials()
        {
            var values = CredentialTable.From(Credentials, FieldParameters);
            if (Scope != null)
            {
                var scopes = Scope.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim());
                CredentialTable.AddOnce(values, "scopes", string.Join(",", scopes), "-Scope");
            }
            if (RedirectUri != null)
            {
                CredentialTable.AddOnce(values, "oauth_redirect_uri", RedirectUri.OriginalString, "-RedirectUri");
            }
            if (values.TryGetValue("oauth_redirect_uri", out var redirect) && redirect != null)
            {
                CheckRedirectUri(redirect);
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

        private static void CheckRedirectUri(object value)
        {
            var text = value as string;
            if (text == null
                || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw InputError.New("InvalidRedirectUri",
                    $"The redirect URI '{value}' is not an absolute http(s) URI, e.g. https://backend.composio.dev/api/v3/toolkits/auth/callback.",
                    "oauth_redirect_uri");
            }
        }

        private void RequireFields(Toolkit toolkit, AuthSchemeDetail scheme, IDictionary<string, object?> values)
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
            throw InputError.New("MissingRequiredField",
                $"Auth scheme '{scheme.AuthScheme}' of toolkit '{toolkit.Slug}' requires {(missing.Count == 1 ? "this field" : "these fields")}: {string.Join("; ", described)}. Give each as its parameter or as a key of -Credentials.",
                string.Join(", ", missing.Select(f => f.Name)),
                $"Get-ComposioAuthConfigField -Toolkit {toolkit.Slug} -AuthScheme {scheme.AuthScheme} -RequiredOnly");
        }

        private string ParameterFor(AuthConfigField field)
        {
            if (StaticFields.TryGetValue(field.Name, out var staticName))
            {
                return "-" + staticName;
            }
            var dynamic = FieldParameters.Parameters.FirstOrDefault(p => p.Field.Name == field.Name);
            return dynamic != null ? "-" + dynamic.ParameterName : $"-Credentials @{{ {field.Name} = ... }}";
        }
    }
}
