using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.InMemory;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>Objects of a custom kind in the persistent store file, across host restarts.</summary>
public sealed class CustomKindPersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orchestration-custom-").FullName;

    private string StorePath => Path.Combine(_dir, "store.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task HostRestart_SameAddKind_ReadsTheWebsiteBackEqual()
    {
        Website created;
        using (var first = Host(registerWebsite: true))
        {
            await first.StartAsync();
            var client = first.Services.GetRequiredService<IResourceClient>();
            created = await client.CreateAsync(new Website { Metadata = new ObjectMeta { Name = "web" }, Spec = new WebsiteSpec("nginx:1", 2, 80) });
            created = await client.UpdateStatusAsync(created with { Status = new WebsiteStatus { ReadyReplicas = 2 } });
            await first.StopAsync();
        }

        using var second = Host(registerWebsite: true);
        await second.StartAsync();
        var restored = await second.Services.GetRequiredService<IResourceClient>().GetAsync<Website>(created.Key);
        await second.StopAsync();

        Assert.Equal(created, restored);
    }

    [Fact]
    public async Task HostRestart_WithoutTheKind_FailsNamingTheKind_FileKept()
    {
        using (var first = Host(registerWebsite: true))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<IResourceClient>().CreateAsync(new Website { Metadata = new ObjectMeta { Name = "web" }, Spec = new WebsiteSpec("nginx:1", 1, 80) });
            await first.StopAsync();
        }

        var saved = await File.ReadAllTextAsync(StorePath);
        using var second = Host(registerWebsite: false);

        var ex = Assert.Throws<OrchestrationException>(() => second.Services.GetRequiredService<ResourceStore>());

        Assert.Contains("kind \"Website\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not registered", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Website", Assert.IsType<Sdk.Kinds.UnknownKindException>(ex.InnerException).Kind);
        Assert.Equal(saved, await File.ReadAllTextAsync(StorePath));
    }

    private IHost Host(bool registerWebsite)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<StoreOptions>(o => o.PersistencePath = StorePath);
        var orchestration = builder.Services.AddOrchestration().UseInMemoryRuntime(n => n.Add("node-1"));
        if (registerWebsite)
        {
            orchestration.AddKind<Website>();
        }

        return builder.Build();
    }
}
