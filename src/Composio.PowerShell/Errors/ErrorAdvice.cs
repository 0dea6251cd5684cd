using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// What to run next, in PowerShell terms, for the facts a client error reports. The client
    /// knows nothing of cmdlets; this is where its facts become advice.
    /// </summary>
    internal static class ErrorAdvice
    {
        public static string? For(ComposioException ex)
        {
            switch (ex.ErrorId)
            {
                case "NotConnected":
                case "ApiKeyMissing":
                    return "Run Connect-Composio -ApiKey (Read-Host -AsSecureString 'Composio API key'), or set the COMPOSIO_API_KEY environment variable.";
                case "InsecureBaseUri":
                    return "Use an https:// base URI, or pass -AllowInsecureHttp to Connect-Composio if sending the key in the clear is intended.";
                case "ComposioTlsFailed":
                    return "Check the scheme and port of Connect-Composio -BaseUri; for a plain-http server use http:// (with -AllowInsecureHttp when it is not this machine).";
                case "ComposioUnauthorized":
                    return "Check the API key (Connect-Composio -ApiKey ...): it must be a project key of the project you mean.";
            }
            if (!ex.MayHaveActed)
            {
                return null;
            }
            if (ex.Method == "POST")
            {
                var check = string.IsNullOrEmpty(ex.Name)
                    ? "Get-ComposioAuthConfig -Toolkit " + ex.Toolkit
                    : "Get-ComposioAuthConfig -Search " + PowerShellLiteral.Quote(ex.Name!);
                return $"The auth config may have been created anyway; check with {check} before creating it again.";
            }
            if (ex.Method == "DELETE")
            {
                return $"An earlier attempt's answer was lost, so it may have been deleted anyway; check with Get-ComposioAuthConfig -Id {ex.Target}.";
            }
            return null;
        }
    }
}
