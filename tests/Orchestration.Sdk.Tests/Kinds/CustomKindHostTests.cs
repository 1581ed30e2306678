using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Tests.Fixtures;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>AddKind and AddReconciler in a host: one call each, with the host's event pipeline.</summary>
public sealed class CustomKindHostTests
{
    [Fact]
    public async Task AddReconciler_TerminalError_StoredAsWarningEventOnTheWebsite()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOrchestration()
            .UseInMemoryRuntime(n => n.Add("node-1"))
            .AddKind<Website>()
            .AddReconciler<Website, RefusingReconciler>();
        using var host = builder.Build();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<ResourceStore>();

        var site = await host.Services.GetRequiredService<IResourceClient>().CreateAsync(new Website { Metadata = new ObjectMeta { Name = "web" }, Spec = new WebsiteSpec("nginx:1", 1, 80) });

        var recorded = await StoreWait.UntilAsync(
            store,
            () => store.List<Event>(Event.KindName).Items.FirstOrDefault(e => e.InvolvedObject.Kind == "Website"),
            e => e is not null,
            "a Warning event about the website");
        await host.StopAsync();
        Assert.Equal(EventTypes.Warning, recorded!.Type);
        Assert.Equal("ReconcileFailed", recorded.Reason);
        Assert.Equal(site.Metadata.Uid, recorded.InvolvedObject.Uid);
        Assert.Contains("refused on purpose", recorded.Message, StringComparison.Ordinal);
    }

    private sealed class RefusingReconciler : IReconciler<Website>
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
            throw new TerminalReconcileException("refused on purpose");
    }
}
