using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Hosting;

public class HostingTests
{
    private static HostApplicationBuilder NewBuilder(FakeTimeProvider time)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        return builder;
    }

    [Fact]
    public async Task Host_StartThenStop_RunsTheAppAndStopsTheControlLoop()
    {
        var time = new FakeTimeProvider();
        var builder = NewBuilder(time);
        builder.Services.AddOrchestration(app => app.AddDeployment("web").WithImage("web:1").WithReplicas(2))
            .UseInMemoryRuntime(nodes => nodes.Add("n1"));
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IOrchestrationClient>();
        var cluster = host.Services.GetRequiredService<InMemoryCluster>();

        await host.StartAsync();
        await WaitAsync(async () => (await client.GetAsync<Deployment>("web"))?.Status.ReadyReplicas == 2);

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stopTimeout.Token);

        // Stopped means stopped: a crash is no longer healed and nothing writes to the store.
        var pod = (await client.ListAsync<Pod>())[0];
        cluster["n1"].CrashContainer(pod.Metadata.Name, "web", exitCode: 1);
        var before = (await client.GetAsync<Pod>(pod.Metadata.Name))!.Metadata.ResourceVersion;
        time.Advance(TimeSpan.FromMinutes(1));
        await Task.Yield();
        Assert.Equal(before, (await client.GetAsync<Pod>(pod.Metadata.Name))!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Host_NoRuntimeChosen_FailsToStartNamingTheFix()
    {
        var builder = NewBuilder(new FakeTimeProvider());
        builder.Services.AddOrchestration(app => app.AddDeployment("web").WithImage("web:1"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("UseInMemoryRuntime", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseDocker", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrchestration_UsesTryAdd_SoEarlierRegistrationsWin()
    {
        var services = new ServiceCollection();
        var mine = new FakeTimeProvider();
        services.AddSingleton<TimeProvider>(mine);
        services.AddSingleton<IOrchestrationClient, StubClient>();

        services.AddOrchestration().UseInMemoryRuntime();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<StubClient>(provider.GetRequiredService<IOrchestrationClient>());
        Assert.Equal(TimeProvider.System.GetType(), new ServiceCollection().AddOrchestration().Services.BuildServiceProvider().GetRequiredService<TimeProvider>().GetType());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }

    private sealed class StubClient : IOrchestrationClient
    {
        public Task<T> ApplyAsync<T>(T resource, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public Task<IReadOnlyList<Resource>> ApplyAsync(AppDeclaration declaration, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public Task<IReadOnlyList<T>> ListAsync<T>(LabelSelector? selector = null, string? @namespace = null, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public IAsyncEnumerable<Orchestration.Sdk.Store.WatchEvent> WatchAsync<T>(long? fromVersion = null, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public Task<Deployment> ScaleAsync(string deployment, int replicas, string? @namespace = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task DeleteAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public Task DeleteAsync<T>(string name, DeletionPropagation propagation, string? @namespace = null, CancellationToken cancellationToken = default) where T : Resource => throw new NotSupportedException();
        public Task<string> GetLogsAsync(string pod, string? container = null, bool previous = false, string? @namespace = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
