using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Composio.Client.Toolkits;
using Composio.Client.Wire;

namespace Composio.Client.Json
{
    /// <summary>
    /// Builds, on a pool thread, the serializer metadata that a connection's first commands need.
    /// System.Text.Json makes it at first use, from <see cref="WireContext"/>'s generated code, and
    /// in a fresh process that code still JIT-compiles its generic instantiations over the members'
    /// value types: a large part of the first create. Started when a connection is made, so it runs while
    /// Connect-Composio's key check is on the wire instead of after it. It builds only what those
    /// commands would build anyway, into the same caches; a type it cannot build is left to the
    /// command that meets it, which reports it as it always has.
    /// </summary>
    internal static class SerializerWarmup
    {
        /// <summary>Answers read with <see cref="ComposioJson.ReadOptions"/>: create, get, list, toolkit.</summary>
        internal static readonly Type[] Answers =
            { typeof(CreateAuthConfigResponseWire), typeof(AuthConfigWire), typeof(PageWire<AuthConfigWire>), typeof(ToolkitWire) };

        /// <summary>
        /// Request bodies written with <see cref="ComposioJson.Options"/>, with the variants a create
        /// body holds as an object and the update body of each config type (each is written by its
        /// own type; <see cref="UpdateAuthConfigBody"/> only chooses one).
        /// </summary>
        internal static readonly Type[] Bodies =
        {
            typeof(CreateAuthConfigBody), typeof(ManagedAuthConfigOptions), typeof(CustomAuthConfigOptions),
            typeof(UpdateCustomAuthConfigBody), typeof(UpdateDefaultAuthConfigBody),
        };

        /// <summary>The toolkit cache's files, read with <see cref="ComposioJson.CacheOptions"/> (<see cref="ToolkitCache"/>).</summary>
        internal static readonly Type[] CacheFiles = { typeof(ToolkitCache.Entry<Toolkit>) };

        public static Task Start() =>
            Task.Run(() => Run(ComposioJson.ReadOptions, ComposioJson.Options, ComposioJson.CacheOptions));

        internal static void Run(JsonSerializerOptions answers, JsonSerializerOptions bodies, JsonSerializerOptions cacheFiles)
        {
            // The toolkit file first: a create reads it before it sends anything.
            Build(cacheFiles, CacheFiles);
            Build(bodies, Bodies);
            Build(answers, Answers);
        }

        /// <summary>Each type and, since nested types are configured only when first reached, every type it holds.</summary>
        private static void Build(JsonSerializerOptions options, Type[] roots)
        {
            // Metadata is cached only on options that can no longer change; the serializer freezes
            // them at their first use in the same way, so this changes nothing they do.
            if (!options.IsReadOnly)
            {
                options.MakeReadOnly(populateMissingResolver: true);
            }
            var seen = new HashSet<Type>();
            var pending = new Stack<Type>(roots);
            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (!seen.Add(type))
                {
                    continue;
                }
                JsonTypeInfo info;
                try
                {
                    info = options.GetTypeInfo(type);
                }
                catch (Exception ex) when (ex is NotSupportedException || ex is InvalidOperationException || ex is ArgumentException)
                {
                    continue; // Left to the command that meets it.
                }
                foreach (var property in info.Properties)
                {
                    pending.Push(property.PropertyType);
                }
                if (info.ElementType != null)
                {
                    pending.Push(info.ElementType);
                }
                if (info.KeyType != null)
                {
                    pending.Push(info.KeyType);
                }
            }
        }
    }
}
