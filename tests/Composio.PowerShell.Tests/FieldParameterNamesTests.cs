using Composio;
using Composio.PowerShell.Binding;
using Xunit;

namespace Composio.PowerShell.Tests;

public class FieldParameterNamesTests
{
    [Theory]
    [InlineData("client_id", "ClientId")]
    [InlineData("api-key.v2", "ApiKeyV2")]
    [InlineData("2fa_code", "Field2faCode")]
    [InlineData("___", "Field")]
    public void PascalCase_SplitsOnNonAlphanumerics(string field, string expected) =>
        Assert.Equal(expected, FieldParameterNames.PascalCase(field));

    [Fact]
    public void Assign_SuffixesClashes_NumbersRepeats_SkipsMappedAndDuplicateFields()
    {
        var fields = new[] { "name", "verbose", "client_id", "client-id", "client_secret", "client_id", "subdomain" }
            .Select(n => new AuthConfigField { Name = n })
            .ToArray();

        var assigned = FieldParameterNames.Assign(fields, reserved: new[] { "Name" }, mappedFields: new[] { "client_secret" });

        Assert.Equal(
            new[] { "NameField", "VerboseField", "ClientId", "ClientId2", "Subdomain" },
            assigned.Select(p => p.ParameterName));
    }

    [Fact]
    public void Assign_IsDeterministic()
    {
        var fields = new[] { "a_b", "a-b", "AB" }.Select(n => new AuthConfigField { Name = n }).ToArray();
        var first = FieldParameterNames.Assign(fields, Array.Empty<string>(), Array.Empty<string>()).Select(p => p.ParameterName);
        var second = FieldParameterNames.Assign(fields, Array.Empty<string>(), Array.Empty<string>()).Select(p => p.ParameterName);
        Assert.Equal(new[] { "AB", "AB2", "AB3" }, first);
        Assert.Equal(first, second);
    }
}
