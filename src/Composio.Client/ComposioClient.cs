using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Composio.Client.Errors;
using Composio.Client.Http;
using Composio.Client.Paging;
using Composio.Client.Requests;
using Composio.Client.Validation;
using Composio.Client.Wire;

namespace Composio.Client
{
    /// <summary>The Composio auth-config and toolkit API, one method per endpoint. Thread-safe.</summary>
    public sealed class ComposioClient : IDisposable
    {
        private static readonly HttpMethod s_patch = new HttpMethod("PATCH");
        private readonly ApiTransport _transport;

        public ComposioClient(ComposioClientOptions options, HttpMessageHandler? primaryHandler = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            _transport = new ApiTransport(options, primaryHandler);
        }

        public ComposioClientOptions Options { get; }

        /// <summary>POST /auth_configs. The answer holds only the id and a few facts; the rest comes from the request.</summary>
        public async Task<AuthConfig> CreateAuthConfigAsync(CreateAuthConfigRequest request, CancellationToken cancellationToken = default)
        {
            var slug = ApiIdentifiers.ToolkitSlug(request.Toolkit);
            var api = new ApiRequest(HttpMethod.Post, "auth_configs", body: WireBody.ToNode(CreateAuthConfigBody.From(request, slug)))
            {
                Target = request.Name ?? slug,
                Name = request.Name,
                Toolkit = slug,
                CreatesResource = true,
            };
            var created = await _transport.SendAsync<CreateAuthConfigResponseWire>(api, cancellationToken).ConfigureAwait(false);
            var id = created.AuthConfig?.Id;
            if (string.IsNullOrEmpty(id))
            {
                throw api.Describe(new ComposioException("ComposioInvalidResponse", ComposioErrorKind.InvalidResponse,
                    "The Composio API answered the create without an auth config id. The auth config may have been created.")
                { MayHaveActed = true });
            }
            var managed = created.AuthConfig!.IsComposioManaged ?? request.Type == AuthConfigType.ComposioManaged;
            return new AuthConfig
            {
                Id = id!,
                Name = request.Name,
                Toolkit = (created.Toolkit?.Slug ?? slug).ToLowerInvariant(),
                AuthScheme = created.AuthConfig.AuthScheme ?? request.AuthScheme,
                IsComposioManaged = managed,
                Type = (managed ? AuthConfigType.ComposioManaged : AuthConfigType.Custom).ToString(),
                RestrictToFollowingTools = new ItemList<string>(created.AuthConfig.RestrictToFollowingTools ?? new List<string>()),
            };
        }

        /// <summary>GET /auth_configs/{id}.</summary>
        public async Task<AuthConfig> GetAuthConfigAsync(string id, CancellationToken cancellationToken = default)
        {
            var api = new ApiRequest(HttpMethod.Get, "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id))) { Target = id };
            var wire = await _transport.SendAsync<AuthConfigWire>(api, cancellationToken).ConfigureAwait(false);
            return wire.ToModel();
        }

        /// <summary>GET /auth_configs: one page. Pass the previous page's NextCursor to get the next.</summary>
        public async Task<Page<AuthConfig>> ListAuthConfigsAsync(AuthConfigQuery? query, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
        {
            query ??= new AuthConfigQuery();
            var toolkits = query.Toolkits?.Select(ApiIdentifiers.ToolkitSlug).ToArray();
            var qs = new QueryString()
                .Add("toolkit_slug", toolkits)
                .Add("is_composio_managed", query.IsComposioManaged)
                .Add("show_disabled", query.ShowDisabled ? true : (bool?)null)
                .Add("search", string.IsNullOrEmpty(query.Search) ? null : query.Search)
                .Add("limit", ClampLimit(limit))
                .Add("cursor", string.IsNullOrEmpty(cursor) ? null : cursor);
            var api = new ApiRequest(HttpMethod.Get, "auth_configs", qs.ToString());
            var page = await _transport.SendAsync<PageWire<AuthConfigWire>>(api, cancellationToken).ConfigureAwait(false);
            return ToPage(page, w => w.ToModel());
        }

        /// <summary>PATCH /auth_configs/{id}: only what the request sets is sent.</summary>
        public async Task UpdateAuthConfigAsync(string id, UpdateAuthConfigRequest request, CancellationToken cancellationToken = default)
        {
            var path = "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id));
            if (request.Name != null && request.Name.Trim().Length == 0)
            {
                throw new ComposioException("EmptyAuthConfigName", ComposioErrorKind.InvalidInput,
                    "An auth config's name must have at least one non-blank character; leave the name out to keep the current one.")
                { Target = id };
            }
            var api = new ApiRequest(s_patch, path, body: WireBody.ToNode(UpdateAuthConfigBody.From(request, id))) { Target = id };
            OperationOutcome.Check(await _transport.SendAsync<OperationResultWire>(api, cancellationToken).ConfigureAwait(false), api, Options.ApiKey);
        }

        /// <summary>PATCH /auth_configs/{id}/ENABLED or /DISABLED.</summary>
        public async Task SetAuthConfigEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
        {
            var path = "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id)) + (enabled ? "/ENABLED" : "/DISABLED");
            var api = new ApiRequest(s_patch, path) { Target = id };
            OperationOutcome.Check(await _transport.SendAsync<OperationResultWire>(api, cancellationToken).ConfigureAwait(false), api, Options.ApiKey);
        }

        /// <summary>DELETE /auth_configs/{id}. Returns the revocation job id when <paramref name="revokeOnDelete"/> started one.</summary>
        public async Task<string?> DeleteAuthConfigAsync(string id, bool revokeOnDelete = false, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString().Add("revoke_on_delete", revokeOnDelete ? true : (bool?)null);
            var api = new ApiRequest(HttpMethod.Delete, "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id)), qs.ToString()) { Target = id };
            var answer = await _transport.SendAsync<OperationResultWire>(api, cancellationToken).ConfigureAwait(false);
            OperationOutcome.Check(answer, api, Options.ApiKey);
            return answer.RevokeJobId;
        }

        /// <summary>GET /toolkits/{slug} (case-insensitive), with its auth schemes and fields.</summary>
        public async Task<Toolkit> GetToolkitAsync(string slug, CancellationToken cancellationToken = default)
        {
            var checkedSlug = ApiIdentifiers.ToolkitSlug(slug);
            var api = new ApiRequest(HttpMethod.Get, "toolkits/" + ApiIdentifiers.Segment(checkedSlug)) { Target = checkedSlug, Toolkit = checkedSlug };
            var wire = await _transport.SendAsync<ToolkitWire>(api, cancellationToken).ConfigureAwait(false);
            // The slug names cache files and completions: one of another shape is refused, never used.
            if (string.IsNullOrEmpty(wire.Slug))
            {
                wire.Slug = checkedSlug;
            }
            else if (!ApiIdentifiers.IsToolkitSlug(wire.Slug))
            {
                throw api.Describe(new ComposioException("InvalidServerToolkitSlug", ComposioErrorKind.InvalidResponse,
                    $"The Composio API answered toolkit '{checkedSlug}' with the slug '{wire.Slug}', which is not a toolkit slug (letters, digits, '-' and '_'); it was not used."));
            }
            return wire.ToModel();
        }

        /// <summary>GET /toolkits: one page.</summary>
        public async Task<Page<Toolkit>> ListToolkitsAsync(ToolkitQuery? query, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
        {
            query ??= new ToolkitQuery();
            var qs = new QueryString()
                .Add("category", query.Category)
                .Add("managed_by", query.ManagedBy)
                .Add("type", query.Type)
                .Add("sort_by", query.SortBy)
                .Add("include_deprecated", query.IncludeDeprecated)
                .Add("search", string.IsNullOrEmpty(query.Search) ? null : query.Search)
                .Add("limit", ClampLimit(limit))
                .Add("cursor", string.IsNullOrEmpty(cursor) ? null : cursor);
            var page = await _transport.SendAsync<PageWire<ToolkitWire>>(new ApiRequest(HttpMethod.Get, "toolkits", qs.ToString()), cancellationToken).ConfigureAwait(false);
            return ToPage(page, w => w.ToModel());
        }

        /// <summary>GET /toolkits/categories: one page.</summary>
        public async Task<Page<ToolkitCategory>> ListToolkitCategoriesAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString().Add("limit", ClampLimit(limit)).Add("cursor", string.IsNullOrEmpty(cursor) ? null : cursor);
            var page = await _transport.SendAsync<PageWire<CategoryWire>>(new ApiRequest(HttpMethod.Get, "toolkits/categories", qs.ToString()), cancellationToken).ConfigureAwait(false);
            return ToPage(page, c => new ToolkitCategory { Id = c.Id ?? c.Slug ?? string.Empty, Name = c.Name });
        }

        /// <summary>Auth configs, page by page (see <see cref="PageWalker{T}"/>); at most <see cref="ComposioClientOptions.MaxPageSize"/> a page.</summary>
        public PageWalker<AuthConfig> WalkAuthConfigs(AuthConfigQuery? query, int? pageSize = null) =>
            new PageWalker<AuthConfig>((cursor, size, token) => ListAuthConfigsAsync(query, cursor, size, token), ClampLimit(pageSize), "auth configs");

        /// <summary>Toolkits, page by page.</summary>
        public PageWalker<Toolkit> WalkToolkits(ToolkitQuery? query, int? pageSize = null) =>
            new PageWalker<Toolkit>((cursor, size, token) => ListToolkitsAsync(query, cursor, size, token), ClampLimit(pageSize), "toolkits");

        /// <summary>Toolkit categories, page by page.</summary>
        public PageWalker<ToolkitCategory> WalkToolkitCategories() =>
            new PageWalker<ToolkitCategory>((cursor, size, token) => ListToolkitCategoriesAsync(cursor, size, token), Options.MaxPageSize, "toolkit categories");

        /// <summary>POST /toolkits/{slug}/scopes/recommended (beta): scopes for the given tools, least-privilege and fewest.</summary>
        public async Task<ScopeRecommendation> RecommendScopesAsync(ScopeRecommendationRequest request, CancellationToken cancellationToken = default)
        {
            var slug = ApiIdentifiers.ToolkitSlug(request.Toolkit);
            var tools = request.Tools ?? Array.Empty<string>();
            if (tools.Any(string.IsNullOrWhiteSpace))
            {
                throw new ComposioException("InvalidToolSlug", ComposioErrorKind.InvalidInput, "A tool slug is empty; give tool slugs such as GITHUB_STAR_A_REPOSITORY.") { Target = slug };
            }
            var api = new ApiRequest(HttpMethod.Post, "toolkits/" + ApiIdentifiers.Segment(slug) + "/scopes/recommended",
                body: WireBody.ToNode(RecommendScopesBody.From(request)))
            { Target = slug };
            var wire = await _transport.SendAsync<ScopeRecommendationWire>(api, cancellationToken).ConfigureAwait(false);
            return wire.ToModel(slug, tools);
        }

        /// <summary>GET /toolkits/{slug}/scopes/grant_context (beta): the dimensions scope recommendations depend on.</summary>
        public async Task<ToolkitGrantContext> GetGrantContextAsync(string slug, string? authScheme = null, string? toolkitVersion = null, CancellationToken cancellationToken = default)
        {
            var checkedSlug = ApiIdentifiers.ToolkitSlug(slug);
            var qs = new QueryString()
                .Add("auth_scheme", string.IsNullOrEmpty(authScheme) ? null : authScheme!.ToUpperInvariant())
                .Add("toolkit_version", string.IsNullOrEmpty(toolkitVersion) ? null : toolkitVersion);
            var api = new ApiRequest(HttpMethod.Get, "toolkits/" + ApiIdentifiers.Segment(checkedSlug) + "/scopes/grant_context", qs.ToString()) { Target = checkedSlug };
            var wire = await _transport.SendAsync<GrantContextWire>(api, cancellationToken).ConfigureAwait(false);
            return wire.ToModel(checkedSlug);
        }

        private int ClampLimit(int? limit) => Math.Max(1, Math.Min(limit ?? Options.MaxPageSize, Options.MaxPageSize));

        private static Page<TModel> ToPage<TWire, TModel>(PageWire<TWire> page, Func<TWire, TModel> map) =>
            new Page<TModel>(
                (page.Items ?? new List<TWire>()).Select(map).ToList(),
                string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor,
                page.TotalItems,
                page.TotalPages);

        public void Dispose() => _transport.Dispose();
    }
}
