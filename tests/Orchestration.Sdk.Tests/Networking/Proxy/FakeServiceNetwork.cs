using System.Collections.Concurrent;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Tests.Networking.Proxy;

/// <summary>An <see cref="IServiceNetwork"/> that gives a fixed service address and records what it is asked to publish.</summary>
internal sealed class FakeServiceNetwork(string address) : IServiceNetwork
{
    public ConcurrentQueue<IReadOnlyList<HostAlias>> Published { get; } = new();

    public ValueTask<string> GetServiceAddressAsync(CancellationToken cancellationToken) => ValueTask.FromResult(address);

    public Task PublishHostsAsync(IReadOnlyList<HostAlias> hosts, CancellationToken cancellationToken)
    {
        Published.Enqueue(hosts);
        return Task.CompletedTask;
    }
}
