using Orchestration.Sdk.Client;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Tests.Controllers.Engine;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>A custom kind's validation rule, enforced on writes through the public client.</summary>
public sealed class CustomKindClientTests
{
    [Fact]
    public async Task CreateAsync_InvalidWebsite_RefusedWithFieldErrors_StoresNothing()
    {
        await using var fixture = new HarnessFixture(kinds: ReconcilerHarness.Kinds());
        var client = new ResourceClient(fixture.Store, fixture.Time);
        var version = fixture.Store.Version;

        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => client.CreateAsync(ReconcilerHarness.NewWebsite(replicas: -1)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("websites[web].spec.replicas", error.Field);
        Assert.Equal(version, fixture.Store.Version);
        Assert.Empty((await client.ListAsync<Website>()).Items);
    }

    [Fact]
    public async Task UpdateAsync_InvalidWebsite_RefusedWithFieldErrors_StoredObjectUnchanged()
    {
        await using var fixture = new HarnessFixture(kinds: ReconcilerHarness.Kinds());
        var client = new ResourceClient(fixture.Store, fixture.Time);
        var created = await client.CreateAsync(ReconcilerHarness.NewWebsite(replicas: 2));

        var ex = await Assert.ThrowsAsync<DeclarationValidationException>(() => client.UpdateAsync(created with { Spec = created.Spec with { Replicas = -3 } }));

        Assert.Contains(ex.Errors, e => e.Field == "websites[web].spec.replicas");
        var stored = await client.GetAsync<Website>(created.Key);
        Assert.Equal(created, stored);
    }
}
