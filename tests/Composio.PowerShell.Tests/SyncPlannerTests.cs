using Composio.Client;
using Composio.Client.Requests;
using Composio.PowerShell.DesiredState;
using Xunit;

namespace Composio.PowerShell.Tests;

/// <summary>What a sync plans for a file against a project's configs, with no server and no PowerShell.</summary>
public class SyncPlannerTests
{
    private static readonly Dictionary<string, Toolkit> s_toolkits = new()
    {
        ["github"] = new Toolkit { Slug = "github", AuthSchemes = new[] { "OAUTH2" }, ComposioManagedAuthSchemes = new[] { "OAUTH2" } },
    };

    private static DesiredAuthConfig Entry(string name, int index, bool enabled = true) =>
        new() { Toolkit = "github", Name = name, Index = index, Enabled = enabled };

    private static AuthConfig Config(string id, string name, string status = "ENABLED", string toolkit = "github") =>
        new() { Id = id, Name = name, Toolkit = toolkit, Type = nameof(AuthConfigType.ComposioManaged), IsComposioManaged = true, AuthScheme = "OAUTH2", Status = status };

    private static SyncPlanner Planner(bool prune = false) => new(s_toolkits, _ => null) { Prune = prune };

    private static DesiredStateFile File(PruneScope? prune, params DesiredAuthConfig[] entries) => new("state.psd1", entries, prune);

    [Fact]
    public void Entries_are_planned_in_file_order_then_the_undeclared_configs_sorted()
    {
        var file = File(null, Entry("new one", 1), Entry("kept", 2));
        var steps = Planner().Plan(file, new[] { Config("ac_z", "zeta"), Config("ac_k", "kept"), Config("ac_a", "alpha") });

        Assert.Equal(
            new[] { (SyncAction.Create, "new one", (string?)null), (SyncAction.Unchanged, "kept", "ac_k"), (SyncAction.Unmanaged, "alpha", "ac_a"), (SyncAction.Unmanaged, "zeta", "ac_z") },
            steps.Select(s => (s.Action, s.Name!, s.Id)));
        Assert.Equal("new one", steps[0].Create?.Name);
    }

    [Fact]
    public void Prune_removes_only_what_the_files_scope_covers()
    {
        var file = File(new PruneScope(new[] { "github" }, "tmp-*", line: 1), Entry("kept", 1));
        var actual = new[] { Config("ac_k", "kept"), Config("ac_t", "tmp-1"), Config("ac_o", "other") };

        var steps = Planner(prune: true).Plan(file, actual);
        Assert.Equal(SyncAction.Remove, steps.Single(s => s.Id == "ac_t").Action);
        Assert.Equal(SyncAction.Unmanaged, steps.Single(s => s.Id == "ac_o").Action);

        // Without -Prune the same scope removes nothing.
        Assert.DoesNotContain(Planner().Plan(file, actual), s => s.Action == SyncAction.Remove);
    }

    [Fact]
    public void An_identity_held_by_two_configs_is_a_conflict_and_neither_is_touched()
    {
        var steps = Planner(prune: true).Plan(File(null, Entry("twice", 1)), new[] { Config("ac_1", "twice"), Config("ac_2", "twice") });

        var step = Assert.Single(steps);
        Assert.Equal(SyncAction.Conflict, step.Action);
        Assert.Equal("AuthConfigIdentityConflict", step.ErrorId);
        Assert.Contains("ac_1, ac_2", step.Error);
        Assert.Null(step.Update);
    }

    [Theory]
    [InlineData("ENABLED", false, SyncAction.Disable)]
    [InlineData("DISABLED", true, SyncAction.Enable)]
    [InlineData("DISABLED", false, SyncAction.Unchanged)]
    [InlineData("PAUSED", false, SyncAction.Unchanged)] // a status the module does not know decides nothing
    public void The_enabled_state_is_planned_from_the_status(string status, bool wanted, SyncAction expected)
    {
        var step = Assert.Single(Planner().Plan(File(null, Entry("gh", 1, enabled: wanted)), new[] { Config("ac_1", "gh", status) }));
        Assert.Equal(expected, step.Action);
        Assert.Equal(expected == SyncAction.Unchanged ? null : wanted, step.SetEnabled);
    }

    [Fact]
    public void A_config_of_another_type_is_not_changed_into_the_declared_one()
    {
        var custom = Config("ac_c", "gh");
        custom.Type = nameof(AuthConfigType.Custom);
        custom.IsComposioManaged = false;

        var step = Assert.Single(Planner().Plan(File(null, Entry("gh", 1)), new[] { custom }));
        Assert.Equal(SyncAction.Failed, step.Action);
        Assert.Equal("AuthConfigTypeMismatch", step.ErrorId);
    }
}
