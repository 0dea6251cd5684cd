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

        /// <summary>
        /// POST /auth_configs: one request. The answer holds only the id, scheme, managed flag, toolkit
        /// and restricted tools; the output adds what the request set and what is true of every new
        /// config (enabled, no connections). The fields only the server knows (timestamps, uuid,
        /// creator, credentials as shown, expected input fields, logo, and any the request left to the
        /// server's default) are read with one GET the first time one of them is read.
        /// </summary>
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
                throw api.WithFacts(new ComposioException("ComposioInvalidResponse", ComposioErrorKind.InvalidResponse,
                    "The Composio API answered the create without an auth config id. The auth config may have been created.")
                { MayHaveActed = true });
            }
            var config = created.ToModel(request, slug);
            config.ReadRestOnFirstUse(() => ReadBack(id!));
            return config;
        }

        /// <summary>
        /// The read behind a created config's server-only fields: it runs inside a property getter,
        /// so it blocks (off any synchronization context) and a failure leaves those fields empty.
        /// </summary>
        private AuthConfig? ReadBack(string id)
        {
            try
            {
                return Task.Run(() => GetAuthConfigAsync(id)).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is ComposioException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                return null;
            }
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
            return ToPage(page, w => w.ToModel(), api);
        }

        /// <summary>
        /// GET /auth_configs with a page of one, reading only whether it succeeded: checks the key and
        /// the server (Connect-Composio) without the cost of reading an auth config on a cold start.
        /// </summary>
        public async Task CheckAccessAsync(CancellationToken cancellationToken = default) =>
            await _transport.SendForBodyAsync(new ApiRequest(HttpMethod.Get, "auth_configs", new QueryString().Add("limit", 1).ToString()), cancellationToken).ConfigureAwait(false);

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
            await SendOperationAsync(api, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PATCH /auth_configs/{id}/ENABLED or /DISABLED.</summary>
        public async Task SetAuthConfigEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
        {
            var path = "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id)) + (enabled ? "/ENABLED" : "/DISABLED");
            var api = new ApiRequest(s_patch, path) { Target = id };
            await SendOperationAsync(api, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /auth_configs/{id}. Returns the revocation job id when <paramref name="revokeOnDelete"/> started one.</summary>
        public async Task<string?> DeleteAuthConfigAsync(string id, bool revokeOnDelete = false, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString().Add("revoke_on_delete", revokeOnDelete ? true : (bool?)null);
            var api = new ApiRequest(HttpMethod.Delete, "auth_configs/" + ApiIdentifiers.Segment(ApiIdentifiers.AuthConfigId(id)), qs.ToString()) { Target = id };
            return await SendOperationAsync(api, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Update, status and delete: any 2xx is done (<see cref="OperationOutcome"/>).</summary>
        private async Task<string?> SendOperationAsync(ApiRequest api, CancellationToken cancellationToken)
        {
            var (body, _) = await _transport.SendForBodyAsync(api, cancellationToken).ConfigureAwait(false);
            return OperationOutcome.Read(body, api, Options.Credential);
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
                throw api.WithFacts(new ComposioException("InvalidServerToolkitSlug", ComposioErrorKind.InvalidResponse,
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
            var api = new ApiRequest(HttpMethod.Get, "toolkits", qs.ToString());
            var page = await _transport.SendAsync<PageWire<ToolkitWire>>(api, cancellationToken).ConfigureAwait(false);
            return ToPage(page, w => w.ToModel(), api);
        }

        /// <summary>GET /toolkits/categories: one page.</summary>
        public async Task<Page<ToolkitCategory>> ListToolkitCategoriesAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString().Add("limit", ClampLimit(limit)).Add("cursor", string.IsNullOrEmpty(cursor) ? null : cursor);
            var api = new ApiRequest(HttpMethod.Get, "toolkits/categories", qs.ToString());
            var page = await _transport.SendAsync<PageWire<CategoryWire>>(api, cancellationToken).ConfigureAwait(false);
            return ToPage(page, c => new ToolkitCategory { Id = c.Id ?? c.Slug ?? string.Empty, Name = c.Name }, api);
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

        /// <summary>GET /tools?toolkit_slug=…: a toolkit's tools, page by page.</summary>
        public PageWalker<Tool> WalkTools(string toolkit)
        {
            var slug = ApiIdentifiers.ToolkitSlug(toolkit);
            return new PageWalker<Tool>(async (cursor, size, token) =>
            {
                var qs = new QueryString().Add("toolkit_slug", slug).Add("limit", size).Add("cursor", string.IsNullOrEmpty(cursor) ? null : cursor);
                var api = new ApiRequest(HttpMethod.Get, "tools", qs.ToString()) { Target = slug, Toolkit = slug };
                var page = await _transport.SendAsync<PageWire<ToolWire>>(api, token).ConfigureAwait(false);
                return ToPage(page, w => w.ToModel(), api);
            }, Options.MaxPageSize, "tools");
        }

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

        /// <summary>
        /// POST /tools/scopes/required (published): the scopes the given tools need, in the shape
        /// <see cref="RecommendScopesAsync"/> answers (no grant context, no conditional scopes).
        /// </summary>
        public async Task<ScopeRecommendation> RequiredScopesAsync(ScopeRecommendationRequest request, CancellationToken cancellationToken = default)
        {
            var slug = ApiIdentifiers.ToolkitSlug(request.Toolkit);
            var tools = request.Tools ?? Array.Empty<string>();
            if (tools.Length == 0 || tools.Any(string.IsNullOrWhiteSpace))
            {
                throw new ComposioException("InvalidToolSlug", ComposioErrorKind.InvalidInput, "Give tool slugs such as GITHUB_STAR_A_REPOSITORY; none may be empty.") { Target = slug };
            }
            var body = new RequiredScopesBody { Tools = tools.ToList(), Version = request.ToolkitVersion };
            var api = new ApiRequest(HttpMethod.Post, "tools/scopes/required", body: WireBody.ToNode(body)) { Target = slug };
            var wire = await _transport.SendAsync<RequiredScopesWire>(api, cancellationToken).ConfigureAwait(false);
            return wire.ToModel(slug, string.IsNullOrEmpty(request.AuthScheme) ? "OAUTH2" : request.AuthScheme!.ToUpperInvariant(), tools);
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

        private static Page<TModel> ToPage<TWire, TModel>(PageWire<TWire> page, Func<TWire, TModel> map, ApiRequest api) =>
            new Page<TModel>(
                (page.Items ?? new List<TWire>()).Select(map).ToList(),
                string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor,
                page.TotalItems,
                page.TotalPages)
            { Unreadable = api.Unreadable };

        public void Dispose() => _transport.Dispose();
    }
}
