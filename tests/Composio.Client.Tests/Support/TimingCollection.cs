using Xunit;

namespace Composio.Client.Tests.Support;

/// <summary>Tests that assert on wall-clock times run alone, so other tests do not steal their CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
