using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Composio.Client.Errors;

namespace Composio.PowerShell.Errors
{
    /// <summary>
    /// Every error the module itself raises (the client's own come with the client's ids): its
    /// stable id, kind and message template, in one place, so New, Set, Sync and CSV input word
    /// the same rule alike. Messages never hold a credential value; callers pass field names.
    /// </summary>
    internal static class ErrorCatalog
    {
        private const ComposioErrorKind Input = ComposioErrorKind.InvalidInput;

        // Schemes and credentials: one rule for every way in (parameters, CSV rows, files).
        public static readonly ModuleError AuthSchemeRequired = new ModuleError("AuthSchemeRequired", Input,
            "-Type Custom needs -AuthScheme. Toolkit '{0}' offers: {1}.");
        public static readonly ModuleError AuthSchemeNotSupported = new ModuleError("AuthSchemeNotSupported", Input,
            "Toolkit '{0}' does not offer auth scheme '{1}'. Valid schemes: {2}.");
        public static readonly ModuleError ManagedAuthNotOffered = new ModuleError("ManagedAuthNotOffered", Input,
            "Composio does not offer {1} for toolkit '{0}'.{2} Use -Type Custom -AuthScheme <scheme> with your own credentials; the toolkit offers: {3}.",
            "New-ComposioAuthConfig -Toolkit {0} -Type Custom -AuthScheme {4}");
        public static readonly ModuleError CredentialsOnManagedConfig = new ModuleError("CredentialsOnManagedConfig", Input,
            "A Composio-managed auth config uses Composio's own app: {0} cannot be sent with it. To use your own app's credentials, add -Type Custom{1}; a managed config takes only scopes (-Scope).",
            "New-ComposioAuthConfig -Toolkit {2} -Type Custom -AuthScheme {3} ...");
        public static readonly ModuleError UndeclaredCredentialField = new ModuleError("UndeclaredCredentialField", Input,
            "Auth scheme '{0}' of toolkit '{1}' has no credential field {2}. Its fields are: {3}.{4}",
            "Get-ComposioAuthConfigField -Toolkit {1} -AuthScheme {0}");
        public static readonly ModuleError MissingRequiredField = new ModuleError("MissingRequiredField", Input,
            "Auth scheme '{0}' of toolkit '{1}' requires {2}: {3}. Give each as its parameter or as a key of -Credentials.",
            "Get-ComposioAuthConfigField -Toolkit {1} -AuthScheme {0} -RequiredOnly");
        public static readonly ModuleError InvalidRedirectUri = new ModuleError("InvalidRedirectUri", Input,
            "The redirect URI '{0}' is not an absolute http(s) URI, e.g. https://backend.composio.dev/api/v3/toolkits/auth/callback.");
        public static readonly ModuleError InvalidCredentialKey = new ModuleError("InvalidCredentialKey", Input,
            "-Credentials has an empty key; keys are the API's field names, e.g. client_id.");
        public static readonly ModuleError DuplicateCredentialField = new ModuleError("DuplicateCredentialField", Input,
            "Credential field '{0}' is given twice: {1}. Give it once.");
        public static readonly ModuleError MaskedCredentialValue = new ModuleError("MaskedCredentialValue", Input,
            "The value of credential field '{0}' is '***', the mask Composio shows for a secret: give the real value.");
        public static readonly ModuleError InvalidCredentialValue = new ModuleError("InvalidCredentialValue", Input,
            "The value of credential field '{0}' is a {1}; use a string, number, boolean or SecureString.");
        public static readonly ModuleError EmptyAuthConfigName = new ModuleError("EmptyAuthConfigName", Input,
            "-Name needs at least one non-blank character (the API refuses an empty name); leave -Name out to {0}.");
        public static readonly ModuleError ToolkitNotFound = new ModuleError("ToolkitNotFound", ComposioErrorKind.NotFound,
            "Toolkit '{0}' was not found.{1}",
            "Get-ComposioToolkit lists the toolkits; tab completion of -Toolkit offers their slugs.");

        // Set-ComposioAuthConfig's change list.
        public static readonly ModuleError NothingToSet = new ModuleError("NothingToSet", Input,
            "Nothing to change: give at least one of -Name, -Credentials (or a credential field parameter such as -ClientSecret), -Scope, -ToolsForConnectedAccountCreation, -ToolsAvailableForExecution, -SharedCredentials, -ClearSharedCredentials, -UserScope, -ProxyUrl, -ClearProxy, -EnabledForToolRouter.");
        public static readonly ModuleError ScopeGivenTwice = new ModuleError("ScopeGivenTwice", Input,
            "Scopes were given both in -Scope and as -Credentials['scopes']; give them once.");
        public static readonly ModuleError CredentialsOnManagedUpdate = new ModuleError("CredentialsOnManagedConfig", Input,
            "Auth config {0} is Composio-managed: it has no credentials of yours to change. Use -Scope for its scopes, or create a custom config with your own app.");
        public static readonly ModuleError ProxyOnManagedConfig = new ModuleError("ProxyOnManagedConfig", Input,
            "Auth config {0} is Composio-managed: it goes through Composio's own app and takes no proxy. -ProxyUrl and -ClearProxy are for custom configs.");

        public static readonly ModuleError ProxyAuthKeyWithoutUrl = new ModuleError("ProxyAuthKeyWithoutUrl", Input,
            "-ProxyAuthKey needs -ProxyUrl: the API sets a proxy as a whole (its URL and its key).");

        // The bulk cmdlets' per-item rules.
        public static readonly ModuleError ConfirmationRequired = new ModuleError("ConfirmationRequired", ComposioErrorKind.InvalidArgument,
            "{0} was not {1}: deleting needs a confirmation, and this session cannot ask (non-interactive). Add -Force (or -Confirm:$false) to delete without asking.",
            "Run again with -Force; -WhatIf shows what would be deleted.");
        public static readonly ModuleError CopySecretMissing = new ModuleError("CopySecretMissing", Input,
            "{0} cannot be copied without its secret field(s) {1}: the service shows them only as ***. Give them with -Secret @{{ '{2}' = @{{ {3} }} }} (by name or id), or a script block that returns them for each config.");
        public static readonly ModuleError CopyDestinationRequired = new ModuleError("CopyDestinationRequired", ComposioErrorKind.InvalidArgument,
            "Copy-ComposioAuthConfig needs -Connection on the command line: the project to copy into (Connect-Composio -PassThru). A piped config's own Connection is where it is copied from.");
        public static readonly ModuleError ConnectionConflict = new ModuleError("ConnectionConflict", ComposioErrorKind.InvalidArgument,
            "{0} came from the project {1}, but -Connection names the project {2}; nothing was sent for it. Leave out -Connection to act where the object came from, or pass its id (.Id) to act in {2}.");
        public static readonly ModuleError DynamicParameterUnresolved = new ModuleError("DynamicParameterUnresolved", ComposioErrorKind.InvalidArgument,
            "The credential field parameters ({0}) are not known because {1}");

        // Sync-ComposioAuthConfig and desired-state files.
        public static readonly ModuleError PruneScopeMissing = new ModuleError("PruneScopeMissing", Input,
            "-Prune needs the file to say what it may remove, and '{0}' has no Prune section. Add one, e.g. Prune = @{{ Toolkits = 'github', 'slack'; Name = 'prod-*' }}. Nothing was changed.");
        public static readonly ModuleError InvalidSecretValue = new ModuleError("InvalidSecretValue", Input,
            "-Secret entry '{0}' is a {1}; give a SecureString (or a string).");
        public static readonly ModuleError EmptySecretName = new ModuleError("InvalidSecretValue", Input,
            "-Secret has an empty name; names are those of the file's @{ Secret = '<name>' } references.");
        public static readonly ModuleError SyncStepFailed = new ModuleError("SyncStepFailed", Input, "{0}: {1}");
        private static readonly ModuleError s_desiredStateFile = new ModuleError("DesiredStateFile", Input, "{0}" + System.Environment.NewLine + "Nothing was changed.");
        public static readonly ModuleError DesiredStateFileUnreadable = new ModuleError("DesiredStateFileUnreadable", ComposioErrorKind.Configuration,
            "Desired-state file '{0}' cannot be read: {1}", category: ErrorCategory.ReadError);
        public static readonly ModuleError DesiredStateFileUnwritable = new ModuleError("DesiredStateFileUnwritable", ComposioErrorKind.Configuration,
            "'{0}' cannot be written: {1}", category: ErrorCategory.WriteError);
        public static readonly ModuleError DesiredStateUnsupportedFormat = new ModuleError("DesiredStateUnsupportedFormat", Input,
            "Cannot export to '{0}': {1}");
        public static readonly ModuleError FileExists = new ModuleError("FileExists", ComposioErrorKind.Conflict,
            "'{0}' exists and -NoClobber was given; choose another path or leave out -NoClobber to overwrite it.");
        public static readonly ModuleError DirectoryNotFound = new ModuleError("DirectoryNotFound", ComposioErrorKind.NotFound,
            "The folder '{0}' does not exist.");
        public static readonly ModuleError AuthConfigIdentityConflict = new ModuleError("AuthConfigIdentityConflict", ComposioErrorKind.Conflict,
            "{0} auth configs of toolkit '{1}' are named '{2}' ({3}); toolkit + name must identify one config, so none of them was {4}. Rename or remove all but one, then {5} again.");

        // Listings and lookups.
        public static readonly ModuleError ConflictingTypeFilter = new ModuleError("ConflictingTypeFilter", Input,
            "-ComposioManaged and -Custom exclude each other; give one, or neither to list both kinds.");
        public static readonly ModuleError SearchTooShort = new ModuleError("SearchTooShort", Input,
            "-Search needs at least {0} characters (the API's rule); '{1}' has {2}.");
        public static readonly ModuleError InvalidGrantContext = new ModuleError("InvalidGrantContext", Input, "{0}");

        private static readonly Dictionary<string, ModuleError> s_byId = typeof(ErrorCatalog)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<ModuleError>()
            .GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());

        /// <summary>A sync step that failed for a reason under its own id (MissingSecret, AuthConfigTypeMismatch, ...), named by its entry.</summary>
        public static ComposioException SyncStep(string? errorId, string target, string message)
        {
            var kind = errorId == null ? Input : Find(errorId)?.Kind ?? Input;
            return new ModuleError(errorId ?? SyncStepFailed.Id, kind, SyncStepFailed.Template).New(target, target, message);
        }

        /// <summary>A desired-state file that cannot be used: one terminating error under its first problem's id.</summary>
        public static ComposioException DesiredStateFile(string errorId, string message, string path) =>
            new ModuleError(errorId, errorId == "DesiredStateFileNotFound" ? ComposioErrorKind.NotFound : Input, s_desiredStateFile.Template).New(path, message);

        /// <summary>The entry of an id the module raises; null for the client's ids and desired-state file problems.</summary>
        public static ModuleError? Find(string id) => s_byId.TryGetValue(id, out var entry) ? entry : null;
    }
}
