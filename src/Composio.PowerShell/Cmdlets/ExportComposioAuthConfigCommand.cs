using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Composio.Client.Errors;
using Composio.Client.Requests;
using Composio.PowerShell.Binding;
using Composio.PowerShell.Connection;
using Composio.PowerShell.DesiredState;
using Composio.PowerShell.Errors;

namespace Composio.PowerShell.Cmdlets
{
    /// <summary>
    /// Export-ComposioAuthConfig: writes the project's auth configs as a desired-state file
    /// (.psd1 or .json by extension) that Sync-ComposioAuthConfig applies as a no-op. Secrets
    /// are written as references, never as values.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ComposioAuthConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ExportComposioAuthConfigCommand : DesiredStateCommand
    {
        [Parameter]
        [ToolkitSlugTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ToolkitSlugCompleter))]
        [RejectScriptBlock]
        public string[]? Toolkit { get; set; }

        /// <summary>Config names to export; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [RejectScriptBlock]
        [ArgumentCompleter(typeof(AuthConfigNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Refuse to overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        protected override void EndProcessing()
        {
            // Everything about the file is checked before any request.
            var path = FilePath;
            var format = DesiredStateFormats.Of(path);
            if (format == DesiredStateFormat.Unsupported)
            {
                throw Terminate(ErrorCatalog.DesiredStateUnsupportedFormat.At(path, "Path", path, DesiredStateFormats.Unsupported(path).Message));
            }
            if (NoClobber.IsPresent && File.Exists(path))
            {
                throw Terminate(ErrorCatalog.FileExists.At(path, "Path", path));
            }
            var folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw Terminate(ErrorCatalog.DirectoryNotFound.At(folder, "Path", folder));
            }

            var entries = Entries(ListConfigs());
            var text = format == DesiredStateFormat.Psd1 ? PowerShellDataWriter.Write(entries) : JsonFileWriter.Write(entries);
            if (!ShouldProcess(path, $"Write {entries.Count} auth configs as a desired-state file"))
            {
                return;
            }
            try
            {
                WriteAtomically(path, text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Terminate(ErrorCatalog.DesiredStateFileUnwritable.At(path, "Path", path, ex.Message));
            }
            Say($"Wrote {entries.Count} auth configs to {path}.");
        }

        private List<AuthConfig> ListConfigs()
        {
            var query = new AuthConfigQuery { Toolkits = Toolkit, ShowDisabled = true };
            List<AuthConfig> configs;
            try
            {
                configs = ReadAllConfigs(query);
            }
            catch (ComposioException ex)
            {
                throw Terminate(ex, Toolkit == null ? null : string.Join(",", Toolkit));
            }
            if (Name == null)
            {
                return configs;
            }
            var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            return configs.Where(c => patterns.Any(p => p.IsMatch(c.Name ?? string.Empty))).ToList();
        }

        /// <summary>One entry per identity, sorted; an identity held by several configs cannot be declared, and is reported instead.</summary>
        private List<DesiredAuthConfig> Entries(List<AuthConfig> configs)
        {
            // Toolkit metadata tells which credential fields are secret, so they are written as references;
            // without it a secret could not be told from other values: stop rather than guess.
            var toolkits = RequireToolkits(configs.Select(c => c.Toolkit), leaveOutUnknown: false);
            var entries = new List<DesiredAuthConfig>();
            foreach (var group in configs.GroupBy(c => DesiredAuthConfig.IdentityOf(c.Toolkit, c.Name), StringComparer.Ordinal)
                .OrderBy(g => g.First().Toolkit, StringComparer.Ordinal).ThenBy(g => g.First().Name, StringComparer.Ordinal))
            {
                var config = group.First();
                if (string.IsNullOrEmpty(config.Name))
                {
                    Warn($"Auth config {string.Join(", ", group.Select(c => c.Id))} of toolkit '{config.Toolkit}' has no name, which a desired-state file needs as identity; not exported.");
                    continue;
                }
                if (group.Count() > 1)
                {
                    WriteComposioError(ErrorCatalog.AuthConfigIdentityConflict.New(config.Toolkit + "/" + config.Name,
                        group.Count(), config.Toolkit, config.Name, string.Join(", ", group.Select(c => c.Id)), "exported", "export"));
                    continue;
                }
                var entry = AuthConfigExporter.From(config, toolkits[config.Toolkit]);
                entry.Index = entries.Count + 1;
                entries.Add(entry);
            }
            return entries;
        }

        /// <summary>Write beside the target, then swap it in, so a reader never sees half a file.</summary>
        private static void WriteAtomically(string path, string text)
        {
            var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            try
            {
                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
