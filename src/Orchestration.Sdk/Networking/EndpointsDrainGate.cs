using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Holds a terminating pod's SIGTERM until no <see cref="Endpoints"/> object lists it as ready any more (the endpoints
/// controller removes a terminating pod at once), so in-process discovery stops picking it first. It reads the shared
/// Endpoints informer and wakes on its changes in the pod's namespace.
/// </summary>
internal sealed class EndpointsDrainGate(ISharedInformerFactory informers) : IPodTerminationGate
{
    public async Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var endpoints = informers.For<Endpoints>();
        using var changes = new InformerChangeSignal().Follow(endpoints, e => e.Metadata.Namespace == pod.Metadata.Namespace);
        await changes.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        while (IsListed(endpoints, pod))
        {
            await changes.WaitAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsListed(ISharedInformer<Endpoints> endpoints, Pod pod) =>
        endpoints.List(pod.Metadata.Namespace)
            .Any(e => e.Addresses.Any(a => a.PodName == pod.Metadata.Name && (pod.Status.PodIP is null || a.IP == pod.Status.PodIP)));
}
