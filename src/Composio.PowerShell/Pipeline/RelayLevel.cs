namespace Composio.PowerShell.Pipeline
{
    /// <summary>Which of the client's log lines a command relays to its streams.</summary>
    internal enum RelayLevel
    {
        /// <summary>Neither -Verbose nor -Debug is on: PowerShell would drop every line, so none is collected.</summary>
        None,

        /// <summary>Verbose lines only.</summary>
        Verbose,

        /// <summary>Verbose and Debug lines (the HTTP exchanges, redacted).</summary>
        Debug,
    }
}
