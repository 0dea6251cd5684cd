using System;
using System.Threading;
using Composio.PowerShell.AuthConfigs;
using Composio.PowerShell.Completion;
using Composio.PowerShell.Session;

namespace Composio.PowerShell.DynamicParameters
{
    /// <summary>
    /// The creation-field parameters for the toolkit and scheme bound so far. Never throws: with no
    /// toolkit or scheme yet, no connection, no network or an unknown toolkit there are simply none.
    /// </summary>
    internal static class CreationFieldParameters
    {
        public static AuthFieldParameters For(string? toolkitSlug, AuthConfigType type, string? scheme, Type cmdletType)
        {
            if (string.IsNullOrEmpty(toolkitSlug))
            {
                return AuthFieldParameters.Empty;
            }
            try
            {
                var cache = ComposioSession.TryToolkits();
                if (cache == null)
                {
                    return AuthFieldParameters.Empty;
                }
                if (!cache.TryGetCached(toolkitSlug!, out var toolkit))
                {
                    // One request, bounded like a completer: fetched here, the command itself then finds it cached.
                    using var budget = new CancellationTokenSource(ToolkitSlugCompleter.RequestBudget);
                    toolkit = cache.GetAsync(toolkitSlug!, budget.Token).GetAwaiter().GetResult();
                }
                var detail = AuthSchemes.Guess(toolkit, type, scheme);
                return detail == null
                    ? AuthFieldParameters.Empty
                    : AuthFieldParameters.For(detail.AuthConfigCreationFields, cmdletType, new System.Collections.Generic.List<string>(CreateRequestBuilder.StaticFields.Keys));
            }
#pragma warning disable CA1031 // Dynamic parameters run inside parameter binding and tab completion: any failure means "none".
            catch (Exception)
#pragma warning restore CA1031
            {
                return AuthFieldParameters.Empty;
            }
        }
    }
}
