using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>Every built-in kind serializes through the source-generated contracts, which trimming and AOT keep.</summary>
public sealed class KindJsonTests
{
    [Fact]
    public void BuiltInKinds_JsonTypeInfo_IsSourceGeneratedForTheirType()
    {
        var rules = KindRegistry.CreateDefault().All;

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.Equal(rule.ClrType, rule.JsonTypeInfo.Type);
            Assert.Same(ModelJsonContext.Default, rule.JsonTypeInfo.OriginatingResolver);
        });
    }

    [Fact]
    public void AddKind_WithJsonTypeInfo_UsesThatContract()
    {
        var rule = new Orchestration.Sdk.Kinds.Custom.CustomKindBuilder<Website>().Build("Website", WebsiteJsonContext.Default.Website);

        Assert.Same(WebsiteJsonContext.Default.Website, rule.JsonTypeInfo);
    }
}
