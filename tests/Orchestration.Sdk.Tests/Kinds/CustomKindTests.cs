using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Kinds;

public sealed record WebsiteSpec(string Image, int Replicas, int Port);

public sealed record WebsiteStatus
{
    public int ReadyReplicas { get; init; }
}

public sealed record Website : CustomResource<WebsiteSpec, WebsiteStatus>;

public sealed class CustomKindTests
{
    private static ServiceProvider Build() => new ServiceCollection()
        .AddOrchestration()
        .AddKind(WebsiteJsonContext.Default.Website, k => k.Plural("websites").ShortName("ws")
            .Validate((w, spec) => w.Spec.Replicas < 0 ? [new ValidationError($"{spec}.replicas", "must be greater than or equal to 0")] : []))
        .Services.BuildServiceProvider();

    private static Website NewWebsite(int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new WebsiteSpec("nginx:1", replicas, 80),
    };

    [Fact]
    public void AddKind_Registered_RegistryFindsPluralAndShortName()
    {
        using var sp = Build();
        var kinds = sp.GetRequiredService<KindRegistry>();
        Assert.Equal("Website", kinds.Find("ws")?.Kind);
        Assert.Equal("Website", kinds.Find("websites")?.Kind);
    }

    [Fact]
    public void Create_ValidWebsite_StoredWithStatus()
    {
        using var sp = Build();
        var store = sp.GetRequiredService<ResourceStore>();
        var created = store.Create(NewWebsite(2));
        Assert.Equal(2, store.Get<Website>(created.Key)!.Spec.Replicas);
        Assert.NotEmpty(created.Metadata.Uid);
    }

    [Fact]
    public void Create_NegativeReplicas_RefusedWithFieldPath()
    {
        using var sp = Build();
        var store = sp.GetRequiredService<ResourceStore>();
        var ex = Assert.ThrowsAny<Exception>(() => store.Create(NewWebsite(-1)));
        Assert.Contains("websites[web].spec.replicas", ex.Message, StringComparison.Ordinal);
    }
}
