namespace Composio.Client.Logging
{
    /// <summary>Where the client reports what it does. Messages never hold secrets.</summary>
    public interface IClientLog
    {
        /// <summary>False lets the client skip building Debug lines (bodies are re-read and redacted for them).</summary>
        bool DebugEnabled { get; }

        void Verbose(string message);

        void Debug(string message);
    }
}
