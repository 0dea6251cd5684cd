using System;
using System.Collections.Generic;
using System.Linq;
using Composio.Client.Requests;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// One planned step of a sync: what to do for one entry (or one config to prune), with the
    /// requests that do it. Requests may hold secret values; only <see cref="Changes"/> (field
    /// names) and <see cref="Error"/> (no values) are ever shown.
    /// </summary>
    internal sealed class SyncStep
    {
        public SyncAction Action { get; set; }
        public string Toolkit { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Id { get; set; }
        public AuthConfigType Type { get; set; }
        public IReadOnlyList<string> Changes { get; set; } = Array.Empty<string>();
        public CreateAuthConfigRequest? Create { get; set; }
        public UpdateAuthConfigRequest? Update { get; set; }
        /// <summary>Set when the config must be enabled (true) or disabled (false), after a create or update.</summary>
        public bool? SetEnabled { get; set; }
        public string? ErrorId { get; set; }
        public string? Error { get; set; }

        /// <summary>"github/prod-github": the identity, for WhatIf text and error targets.</summary>
        public string Target => Toolkit + "/" + Name;

        public SyncResult ToResult(SyncAction? action = null, string? id = null, string? error = null) => new SyncResult
        {
            Toolkit = Toolkit,
            Name = Name,
            Action = action ?? Action,
            Id = id ?? Id,
            Changes = Changes.ToArray(),
            Error = error ?? Error,
        };
    }
}
