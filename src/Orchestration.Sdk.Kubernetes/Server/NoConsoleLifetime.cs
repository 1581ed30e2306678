using Microsoft.Extensions.Hosting;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// The API's inner web host must not take over Ctrl+C and SIGTERM (the application's own host owns them and stops
/// the API); this lifetime does nothing.
/// </summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
