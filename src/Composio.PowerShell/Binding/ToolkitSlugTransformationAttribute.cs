namespace Composio.PowerShell.Binding
{
    /// <summary>
    /// Lets a toolkit parameter take the objects the module emits: a Toolkit as its slug, an
    /// AuthConfig as its toolkit's slug, so the slug binds by value whatever else of the object
    /// binds by property name.
    /// </summary>
    public sealed class ToolkitSlugTransformationAttribute : PipedObjectTransformationAttribute
    {
        private protected override string? TextOf(object value, object original) => SlugOf(value);

        /// <summary>The toolkit slug an object of the module stands for, or null.</summary>
        internal static string? SlugOf(object? value) => value switch
        {
            Toolkit toolkit => toolkit.Slug,
            AuthConfig config => config.Toolkit,
            _ => null,
        };
    }
}
