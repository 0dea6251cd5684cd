namespace Composio
{
    /// <summary>Who holds the auth app: Composio (managed) or you (custom credentials).</summary>
    public enum AuthConfigType
    {
        /// <summary>`use_composio_managed_auth` on create; `default` on the wire afterwards.</summary>
        ComposioManaged,
        /// <summary>`use_custom_auth` on create; `custom` on the wire afterwards.</summary>
        Custom,
    }
}
