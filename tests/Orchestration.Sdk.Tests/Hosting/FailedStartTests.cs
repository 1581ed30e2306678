using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Tests.Hosting;

/// <summary>A failed start: the original error surfaces, and stop/dispose afterwards are quiet and still clean up.</summary>
public class FailedStartTests
{
    private sealed class RecordingLifecycle : IRuntimeLifecycle
    {
        public int Stops;

        public Task OnStoppedAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Stops);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("boom: the app's own service failed");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static (IHost Host, RecordingLifecycle Lifecycle) NewHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddOrchestration(app => app.AddDeployment("web").WithImage("web:1")).UseInMemoryRuntime(n => n.Add("n1"));
        var lifecycle = new RecordingLifecycle();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuntimeLifecycle>(lifecycle));
        builder.Services.AddHostedService<FailingService>(); // starts after the orchestrator, and fails
        return (builder.Build(), lifecycle);
    }

    [Fact]
    public async Task HostStartFails_DisposeAfterwards_OriginalErrorSurfacesAndCleanupRuns()
    {
        var (host, lifecycle) = NewHost();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using (host as IAsyncDisposable ?? throw new InvalidOperationException("host not async-disposable"))
            {
                await host.StartAsync();
            }
        });

        Assert.StartsWith("boom", ex.Message, StringComparison.Ordinal); // not an ObjectDisposedException from the dispose
        Assert.Equal(1, lifecycle.Stops); // the runtime's stop path ran once
    }

    [Fact]
    public async Task HostStartFails_StopThenDispose_BothQuietAndCleanupRunsOnce()
    {
        var (host, lifecycle) = NewHost();
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();

        Assert.Equal(1, lifecycle.Stops);
    }
}
