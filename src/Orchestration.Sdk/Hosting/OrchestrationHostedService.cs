using Microsoft.Extensions.Hosting;

namespace Orchestration.Sdk.Hosting;

/// <summary>Starts the orchestrator with the host and stops it cleanly with the host.</summary>
internal sealed class OrchestrationHostedService(OrchestrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runner.StopAsync(cancellationToken);
}
