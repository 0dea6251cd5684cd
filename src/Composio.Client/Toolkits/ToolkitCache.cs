using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Json;
using Composio.Client.Requests;
using Composio.Client.Validation;

namespace Composio.Client.Toolkits
{
    /// <summary>
    /// Toolkit metadata, fetched once and kept in memory and in a small on-disk cache with an
    /// expiry, so tab completion and dynamic parameters are instant in a new session and work
    /// offline. Toolkit metadata holds no secrets. One cache folder per API endpoint.
    /// </summary>
    public sealed class ToolkitCache
    {
        private const string SlugListFile = "_slugs.json";
        private readonly ComposioClient _client;
        private readonly string? _folder;
        private readonly TimeSpan _maxAge;
        private readonly ConcurrentDictionary<string, Entry<Toolkit>> _toolkits = new ConcurrentDictionary<string, Entry<Toolkit>>(StringComparer.Ordinal);
        private Entry<string[]>? _slugs;

        public ToolkitCache(ComposioClient client, string? rootFolder, TimeSpan maxAge)
        {
            _client = client;
            _maxAge = maxAge;
            _folder = rootFolder == null ? null : Path.Combine(rootFolder, FolderNameFor(client.Options));
        }

        /// <summary>The cache folder for toolkits (see <see cref="CacheLocation"/>); null when there is none (then memory only).</summary>
        public static string? DefaultRootFolder() => CacheLocation.ToolkitFolder();

        /// <summary>The toolkit from memory or disk if fresh, else from the API (then cached).</summary>
        public async Task<Toolkit> GetAsync(string slug, CancellationToken cancellationToken = default)
        {
            var key = ApiIdentifiers.ToolkitSlug(slug);
            if (TryGetCached(key, out var cached))
            {
                return cached;
            }
            return await RefreshAsync(key, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// From the API whatever the cache holds (then cached): before refusing a scheme or field
        /// the cached metadata does not know, since the service may have added it since.
        /// </summary>
        public async Task<Toolkit> RefreshAsync(string slug, CancellationToken cancellationToken = default)
        {
            var key = ApiIdentifiers.ToolkitSlug(slug);
            var toolkit = await _client.GetToolkitAsync(key, cancellationToken).ConfigureAwait(false);
            Keep(key, toolkit);
            return toolkit;
        }

        /// <summary>Memory or fresh disk copy only: never a request.</summary>
        public bool TryGetCached(string slug, out Toolkit toolkit)
        {
            toolkit = null!;
            if (!ApiIdentifiers.IsToolkitSlug(slug))
            {
                return false;
            }
            var key = slug.ToLowerInvariant();
            if (_toolkits.TryGetValue(key, out var entry) && IsFresh(entry.StoredAt))
            {
                toolkit = entry.Value;
                return true;
            }
            var fromDisk = ReadFile<Toolkit>(FileNameOf(key));
            if (fromDisk != null && fromDisk.Value.AuthConfigDetails != null)
            {
                _toolkits[key] = fromDisk;
                toolkit = fromDisk.Value;
                return true;
            }
            return false;
        }

        /// <summary>
        /// Keeps a toolkit fetched elsewhere (e.g. by Get-ComposioToolkit); only full records are
        /// kept, and only under a slug of the checked shape: the slug is the server's text here.
        /// </summary>
        public void Remember(Toolkit toolkit)
        {
            if (ApiIdentifiers.IsToolkitSlug(toolkit.Slug))
            {
                Keep(toolkit.Slug.ToLowerInvariant(), toolkit);
            }
        }

        /// <param name="key">A checked, lowercase slug (<see cref="ApiIdentifiers.ToolkitSlug"/>): the file name comes from it alone.</param>
        private void Keep(string key, Toolkit toolkit)
        {
            if (toolkit.AuthConfigDetails == null)
            {
                return;
            }
            var entry = new Entry<Toolkit>(toolkit, DateTime.UtcNow);
            _toolkits[key] = entry;
            WriteFile(FileNameOf(key), entry);
        }

        /// <summary>
        /// A toolkit's file: the checked slug (letters, digits, '-', '_'; never '.', a separator or
        /// NUL), so no name can leave the cache folder. Slugs start with a letter or digit, so none
        /// is the slug list's file.
        /// </summary>
        private static string FileNameOf(string key) => ApiIdentifiers.ToolkitSlug(key) + ".json";

        /// <summary>All toolkit slugs, sorted; cached like the toolkits.</summary>
        public async Task<IReadOnlyList<string>> GetSlugsAsync(CancellationToken cancellationToken = default)
        {
            if (TryGetCachedSlugs(out var cached))
            {
                return cached;
            }
            var toolkits = await _client.WalkToolkits(new ToolkitQuery()).ReadAllAsync(cancellationToken).ConfigureAwait(false);
            // Slugs are offered to tab completion: only those of the checked shape.
            var sorted = toolkits.Select(t => t.Slug).Where(ApiIdentifiers.IsToolkitSlug).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            _slugs = new Entry<string[]>(sorted, DateTime.UtcNow);
            WriteFile(SlugListFile, _slugs);
            return sorted;
        }

        public bool TryGetCachedSlugs(out IReadOnlyList<string> slugs)
        {
            var entry = _slugs;
            if (entry == null || !IsFresh(entry.StoredAt))
            {
                entry = ReadFile<string[]>(SlugListFile);
                _slugs = entry;
            }
            slugs = entry?.Value ?? Array.Empty<string>();
            return entry != null;
        }

        private bool IsFresh(DateTime storedAt) => DateTime.UtcNow - storedAt < _maxAge;

        private Entry<T>? ReadFile<T>(string name)
        {
            if (_folder == null)
            {
                return null;
            }
            try
            {
                var path = Path.Combine(_folder, name);
                if (!File.Exists(path))
                {
                    return null;
                }
                var entry = JsonSerializer.Deserialize<Entry<T>>(File.ReadAllText(path), ComposioJson.CacheOptions);
                return entry != null && entry.Value != null && IsFresh(entry.StoredAt) ? entry : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException)
            {
                return null; // A broken or unreadable cache is a cache miss, never an error.
            }
        }

        private void WriteFile<T>(string name, Entry<T> entry)
        {
            if (_folder == null)
            {
                return;
            }
            try
            {
                Directory.CreateDirectory(_folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return; // The disk cache is an optimisation only.
            }
            // Write a private temporary file, then rename it over the old one in one step, so a
            // reader never sees half a file and parallel writers (other sessions) each land whole.
            var path = Path.Combine(_folder, name);
            var temp = Path.Combine(_folder, name + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, JsonSerializer.Serialize(entry, ComposioJson.CacheOptions));
                try
                {
                    File.Move(temp, path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Move never overwrites on netstandard2.0; Replace is the atomic rename over an existing file.
                    File.Replace(temp, path, null);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The disk cache is an optimisation only: another writer's copy is as good as ours.
            }
            finally
            {
                TryDelete(temp);
            }
        }

        /// <summary>Removes a temporary file a failed write left; never throws.</summary>
        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Nothing more can be done; the next write of the same name does not depend on it.
            }
        }

        private static string FolderNameFor(ComposioClientOptions options)
        {
            using var sha = SHA256.Create();
            var text = options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "|" + options.ApiVersion;
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return options.BaseUri.Host + "-" + BitConverter.ToString(hash, 0, 6).Replace("-", string.Empty).ToLowerInvariant();
        }

        /// <summary>A cached value and when it was stored (UTC).</summary>
        public sealed class Entry<T>
        {
            public Entry(T value, DateTime storedAt)
            {
                Value = value;
                StoredAt = storedAt;
            }

            public T Value { get; set; }
            public DateTime StoredAt { get; set; }
        }
    }
}
