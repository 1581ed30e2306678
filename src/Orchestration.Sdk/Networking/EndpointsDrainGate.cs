using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Networking;

/// <summary>
/// Holds a terminating pod's SIGTERM until no <see cref="Endpoints"/> object lists it as ready any more (the endpoints
/// controller removes a terminating pod at once), so in-process discovery stops picking it first.
/// </summary>
internal sealed class EndpointsDrainGate(ResourceStore store) : IPodTerminationGate
{
    public async Task WaitUntilDrainedAsync(Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        while (true)
        {
            var version = store.Version;
            if (!IsListed(pod))
            {
                return;
            }

            await store.WaitForChangeAsync(version, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsListed(Pod pod) =>
        store.List<Endpoints>(Endpoints.KindName, pod.Metadata.Namespace).Items
            .Any(e => e.Addresses.Any(a => a.PodName == pod.Metadata.Name && (pod.Status.PodIP is null || a.IP == pod.Status.PodIP)));
}
