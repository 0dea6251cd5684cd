namespace Composio.PowerShell.Binding
{
    /// <summary>One credential field offered as a dynamic parameter, and the parameter name it got.</summary>
    internal sealed class FieldParameter
    {
        public FieldParameter(string parameterName, AuthConfigField field, bool isSecret)
        {
            ParameterName = parameterName;
            Field = field;
            IsSecret = isSecret;
        }

        public string ParameterName { get; }

        public AuthConfigField Field { get; }

        /// <summary>Secret fields take a SecureString.</summary>
        public bool IsSecret { get; }
    }
}
