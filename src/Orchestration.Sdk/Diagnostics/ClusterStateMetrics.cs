using Orchestration.Sdk.Hosting;
using Orchestration.Sdk.Informers;

namespace Orchestration.Sdk.Diagnostics;

/// <summary>Feeds <see cref="ClusterStateInstruments"/> from the shared informers while the cluster runs.</summary>
internal sealed class ClusterStateMetrics(OrchestrationMetrics metrics, ISharedInformerFactory informers) : IClusterComponent
{
    public string Name => "cluster-state-metrics";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        metrics.ClusterState.Attach(informers);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // stop without throwing: a cancelled run is the normal end, and throws cost a stop dearly
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            metrics.ClusterState.Detach();
        }
    }
}
