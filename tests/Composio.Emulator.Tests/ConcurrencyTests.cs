namespace Composio.Emulator.Tests;

public sealed class ConcurrencyTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task ParallelCreates_AllSucceedWithDistinctIds()
    {
        var tasks = Enumerable.Range(0, 200).Select(i => Api.PostAsync("auth_configs", new
        {
            toolkit = new { slug = i % 2 == 0 ? "github" : "notion" },
            auth_config = i % 2 == 0
                ? (object)new { type = "use_composio_managed_auth", name = $"p-{i}" }
                : new { type = "use_custom_auth", authScheme = "OAUTH2", name = $"p-{i}", credentials = new { client_id = "id", client_secret = "secret" } },
        }));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(201, r.Code));
        var ids = responses.Select(r => r.Obj["auth_config"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(200, ids.Distinct().Count());

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("auth_configs?limit=50" + (cursor is null ? "" : "&cursor=" + cursor));
            listed.AddRange(page.Obj["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page.Obj["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(ids.Order(), listed.Order());
        Assert.Equal(200, (await Admin.GetRequestsAsync()).Count(e => e!["method"]!.GetValue<string>() == "POST"));
    }

    [Fact]
    public async Task ParallelMixedOperations_StayConsistent()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Api.CreateAsync("github")));
        var work = new List<Task<ApiResponse>>();
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            work.Add((i % 3) switch
            {
                0 => Api.DeleteAsync("auth_configs/" + id),
                1 => Api.PatchAsync($"auth_configs/{id}/DISABLED"),
                _ => Api.PatchAsync("auth_configs/" + id, new { type = "default", name = "renamed-" + i }),
            });
            work.Add(Api.GetAsync("auth_configs?limit=50"));
        }
        var results = await Task.WhenAll(work);
        Assert.All(results, r => Assert.Equal(200, r.Code));
        var page = (await Api.GetAsync("auth_configs?limit=50")).Obj;
        Assert.Equal(20, page["total_items"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), item => Assert.StartsWith("renamed-", item!["name"]!.GetValue<string>()));
        Assert.Equal(40, (await Api.GetAsync("auth_configs?show_disabled=true")).Obj["total_items"]!.GetValue<int>());
    }
}
