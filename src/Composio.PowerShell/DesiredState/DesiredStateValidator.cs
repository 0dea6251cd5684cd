using System.Collections.Generic;
using System.Linq;
using Composio.PowerShell.AuthConfigs;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// The checks of a desired-state file that need each toolkit's metadata (and nothing else
    /// from the server): the toolkit exists, a custom scheme is one it offers, managed auth is
    /// offered, no field the toolkit marks secret is written in clear, and secret references fill
    /// only secret fields and read only the environment variables the caller allows.
    /// </summary>
    internal static class DesiredStateValidator
    {
        /// <param name="toolkits">By lowercase slug; a toolkit missing here was not found on the server.</param>
        public static void Check(DesiredStateFile file, IReadOnlyDictionary<string, Toolkit> toolkits, EnvironmentPolicy environment)
        {
            var problems = new List<DesiredStateProblem>();
            foreach (var entry in file.AuthConfigs)
            {
                var where = entry.Label;
                foreach (var credential in entry.Credentials.Where(c => c.Reference?.Env != null && !environment.Allows(c.Reference.Env)))
                {
                    problems.Add(new DesiredStateProblem("DesiredStateEnvironmentNotAllowed",
                        $"credential field '{credential.Key}' reads the environment variable {credential.Reference!.Env}, which this run does not allow: {EnvironmentPolicy.Rule}.",
                        credential.Line, where));
                }
                if (!toolkits.TryGetValue(entry.Toolkit, out var toolkit))
                {
                    problems.Add(new DesiredStateProblem("DesiredStateUnknownToolkit",
                        $"toolkit '{entry.Toolkit}' was not found; Get-ComposioToolkit lists the toolkits.", entry.Line, where));
                    continue;
                }
                var offered = AuthSchemes.Offered(toolkit);
                if (entry.Type == AuthConfigType.Custom)
                {
                    if (entry.AuthScheme != null && !offered.Contains(entry.AuthScheme))
                    {
                        problems.Add(new DesiredStateProblem("DesiredStateSchemeMismatch",
                            $"toolkit '{toolkit.Slug}' does not offer auth scheme '{entry.AuthScheme}'. Valid schemes: {AuthSchemes.List(offered)}.", entry.Line, where));
                    }
                }
                else if (toolkit.ComposioManagedAuthSchemes.Length == 0)
                {
                    problems.Add(new DesiredStateProblem("DesiredStateSchemeMismatch",
                        $"Composio does not offer managed auth for toolkit '{toolkit.Slug}'. Use Type = 'Custom' with AuthScheme one of: {AuthSchemes.List(offered)}.", entry.Line, where));
                }
                foreach (var credential in entry.Credentials.Where(c => c.Reference != null && !SecretFields.IsSecret(toolkit, entry.AuthScheme, c.Key)))
                {
                    // Else a file could copy a secret (-Secret or the environment) into a field anyone can read back.
                    problems.Add(new DesiredStateProblem("DesiredStateReferenceNotSecret",
                        $"credential field '{credential.Key}' takes {credential.Reference!.Source}, but it is not a secret field of toolkit '{toolkit.Slug}' (its value can be read back). A secret reference fills only secret fields; write this value in the file.",
                        credential.Line, where));
                }
                CheckCredentials(entry, toolkit, where, problems);
                foreach (var credential in entry.Credentials.Where(c => c.Reference == null))
                {
                    if (SecretFields.IsSecret(toolkit, entry.AuthScheme, credential.Key))
                    {
                        problems.Add(new DesiredStateProblem("DesiredStateSecretInFile",
                            $"credential field '{credential.Key}' is marked secret by toolkit '{toolkit.Slug}', and its value is written in the file. Secrets never go in the file: write {credential.Key} = @{{ Secret = '<name>' }} and pass -Secret, or {credential.Key} = @{{ Env = '<VARIABLE>' }}.",
                            credential.Line, where));
                    }
                }
            }
            if (problems.Count > 0)
            {
                throw new DesiredStateFileException(file.Path, problems);
            }
        }

        /// <summary>
        /// The credential checks New and Set make (<see cref="CredentialValidator"/>), with the
        /// file's line: keys the scheme does not declare, a key matched case-insensitively is
        /// rewritten under its declared name (so `CLIENT_ID` is sent as `client_id`, never beside
        /// it), text trimmed, redirect URIs checked.
        /// </summary>
        private static void CheckCredentials(DesiredAuthConfig entry, Toolkit toolkit, string where, List<DesiredStateProblem> problems)
        {
            if (entry.Type != AuthConfigType.Custom || entry.AuthScheme == null || !AuthSchemes.Offered(toolkit).Contains(entry.AuthScheme))
            {
                return;
            }
            var validator = new CredentialValidator(toolkit, entry.Type, AuthSchemes.Detail(toolkit, entry.AuthScheme), allowUndeclared: false);
            var checkedCredentials = new List<DesiredCredential>();
            var seen = new Dictionary<string, DesiredCredential>(System.StringComparer.Ordinal);
            foreach (var credential in entry.Credentials)
            {
                var key = validator.Key(credential.Key);
                if (key == null)
                {
                    problems.Add(Problem(validator.Refused(new[] { credential.Key }, where, optOut: string.Empty), credential.Line, where));
                    continue;
                }
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new DesiredStateProblem("DuplicateCredentialField",
                        $"credential field '{key}' is given twice: as '{first.Key}' (line {first.Line}) and as '{credential.Key}'. Give it once.", credential.Line, where));
                    continue;
                }
                try
                {
                    var literal = credential.Reference == null ? CredentialValidator.Value(key, credential.Literal, where) : null;
                    var normalized = new DesiredCredential(key, credential.Line, literal, credential.Reference);
                    seen[key] = credential;
                    checkedCredentials.Add(normalized);
                }
                catch (Composio.Client.Errors.ComposioException ex)
                {
                    problems.Add(Problem(ex, credential.Line, where));
                }
            }
            entry.Credentials = checkedCredentials;
        }

        private static DesiredStateProblem Problem(Composio.Client.Errors.ComposioException ex, int line, string where) =>
            new DesiredStateProblem(ex.ErrorId, ex.Message, line, where);
    }
}
