using System;
using System.Collections.Generic;
using Composio.Client.Errors;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.AuthConfigs
{
    /// <summary>
    /// Refusals that cached toolkit metadata can cause wrongly: a scheme, managed auth or a
    /// credential field the service added since the metadata was cached. Before one of these
    /// stands, the toolkit is read again once (ComposioCmdlet.CheckAgainstToolkit).
    /// </summary>
    internal static class StaleMetadata
    {
        private static readonly HashSet<string> s_refusals = new HashSet<string>(StringComparer.Ordinal)
        {
            ErrorCatalog.AuthSchemeNotSupported.Id,
            ErrorCatalog.ManagedAuthNotOffered.Id,
            ErrorCatalog.UndeclaredCredentialField.Id,
        };

        public static bool MayBeStale(ComposioException error) => s_refusals.Contains(error.ErrorId);
    }
}
