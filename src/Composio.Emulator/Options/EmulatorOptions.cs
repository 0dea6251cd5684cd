using System.Globalization;

namespace Composio.Emulator.Options;

/// <summary>
/// Command line: --port &lt;p&gt; (0 = any free port), --api-key &lt;k&gt; (repeatable), --user-api-key &lt;k&gt; (repeatable),
/// --catalog &lt;file.json&gt;, --faults &lt;file.json&gt;, --lossy-page-limit. Parsed by hand so the framework's own
/// configuration never interprets our arguments.
/// </summary>
public sealed class EmulatorOptions
{
    public const string DefaultApiKey = "ak_emulator_test";
    /// <summary>A user's (CLI) key, sent as x-user-api-key; accepted where the spec's operation names UserApiKeyAuth.</summary>
    public const string DefaultUserApiKey = "uak_emulator_user";

    public int Port { get; private set; }
    public IReadOnlySet<string> ApiKeys { get; private set; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> UserApiKeys { get; private set; } = new HashSet<string>(StringComparer.Ordinal);
    public List<string> CatalogFiles { get; } = new();
    public List<string> FaultFiles { get; } = new();

    /// <summary>
    /// Imitates the production fault of contract §8 item 5: an auth-config list limit above the
    /// version's cap serves a capped page but moves the cursor and counts pages by the limit asked,
    /// so the items in between are never served. Off by default.
    /// </summary>
    public bool LossyPageLimit { get; private set; }

    public const string Usage =
        "Usage: Composio.Emulator [--port <p>] [--api-key <key>]... [--user-api-key <key>]... [--catalog <toolkits.json>]... [--faults <rules.json>]... [--lossy-page-limit]";

    /// <exception cref="ArgumentException">On an unknown option or a bad value; the message says which.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var userKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }
                return args[++i];
            }
            switch (arg)
            {
                case "--port":
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        throw new ArgumentException($"--port must be 0..65535, got '{text}'.");
                    }
                    options.Port = port;
                    break;
                case "--api-key":
                    var key = Value();
                    if (key.Length == 0)
                    {
                        throw new ArgumentException("--api-key must not be empty.");
                    }
                    keys.Add(key);
                    break;
                case "--user-api-key":
                    var userKey = Value();
                    if (userKey.Length == 0)
                    {
                        throw new ArgumentException("--user-api-key must not be empty.");
                    }
                    userKeys.Add(userKey);
                    break;
                case "--catalog":
                    options.CatalogFiles.Add(Value());
                    break;
                case "--faults":
                    options.FaultFiles.Add(Value());
                    break;
                case "--lossy-page-limit":
                    options.LossyPageLimit = true;
                    break;
                case "--help":
                case "-h":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (keys.Count == 0)
        {
            keys.Add(DefaultApiKey);
        }
        options.ApiKeys = keys;
        if (userKeys.Count == 0)
        {
            userKeys.Add(DefaultUserApiKey);
        }
        options.UserApiKeys = userKeys;
        return options;
    }
}
