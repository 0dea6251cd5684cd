using System.Management.Automation;
using Composio.PowerShell.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Composio.PowerShell.Tests;

/// <summary>When the bulk progress bar shows and how often it is updated, on a fake clock.</summary>
public class BulkProgressTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<ProgressRecord> _written = new();

    private BulkProgress Progress() => new(_written.Add, activityId: 7, "Remove-ComposioAuthConfig", _clock);

    [Fact]
    public void A_run_shorter_than_a_second_shows_no_bar_at_all()
    {
        var progress = Progress();
        progress.Finish(failed: false);
        progress.Update(inFlight: 3);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        progress.Update(inFlight: 2);
        progress.Complete();
        Assert.Empty(_written);
    }

    [Fact]
    public void After_a_second_the_counts_show_and_updates_are_spaced_200_ms_apart()
    {
        var progress = Progress();
        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Finish(failed: false);
        progress.Finish(failed: true);
        progress.Update(inFlight: 4);
        Assert.Equal("2 done (1 failed), 4 in flight, more to come", Assert.Single(_written).StatusDescription);

        _clock.Advance(TimeSpan.FromMilliseconds(199));
        progress.Update(inFlight: 3);
        Assert.Single(_written);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        progress.Total = 10;
        progress.Finish(failed: false);
        progress.Update(inFlight: 3);
        Assert.Equal(2, _written.Count);
        Assert.Equal("3 of 10 done (1 failed), 3 in flight", _written[1].StatusDescription);
        Assert.Equal(30, _written[1].PercentComplete);
        Assert.All(_written, r => Assert.Equal(7, r.ActivityId));
    }

    [Fact]
    public void Completing_a_shown_bar_writes_the_final_counts_whatever_the_spacing_then_closes_it()
    {
        var progress = Progress();
        progress.Total = 2;
        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Finish(failed: false);
        progress.Update(inFlight: 1);
        progress.Finish(failed: false);
        progress.Complete();

        Assert.Equal(3, _written.Count);
        Assert.Equal("2 of 2 done, 0 in flight", _written[1].StatusDescription);
        Assert.Equal(100, _written[1].PercentComplete);
        Assert.Equal(ProgressRecordType.Completed, _written[2].RecordType);

        progress.Complete(); // closed once only
        Assert.Equal(3, _written.Count);
    }
}
