using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Containers;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Sandboxes;

/// <summary>
/// The app's bridge network: created on first use (or found, when another host of the app made it), its IPv4 gateway
/// (the host's address on the bridge, where the service proxy listens for every service), and its removal at shutdown.
/// </summary>
internal sealed class DockerNetwork(DockerConnection engine) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;
    private string? _gateway;

    /// <summary>The network's name.</summary>
    public string Name => engine.Options.EffectiveNetworkName;

    /// <summary>Creates the app's bridge network unless it exists; returns its name.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var name = Name;
        if (_ready)
        {
            return name;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await engine.Calls.ExecuteAsync(
                    "create network",
                    async ct =>
                    {
                        try
                        {
                            await engine.Client.Networks.InspectNetworkAsync(name, ct).ConfigureAwait(false);
                            return;
                        }
                        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                        {
                        }

                        try
                        {
                            await engine.Client.Networks.CreateNetworkAsync(
                                new NetworksCreateParameters
                                {
                                    Name = name,
                                    Driver = "bridge",
                                    Labels = new Dictionary<string, string>
                                    {
                                        [RuntimeLabels.Managed] = "true",
                                        [RuntimeLabels.App] = engine.Options.AppName,
                                    },
                                },
                                ct).ConfigureAwait(false);
                        }
                        catch (DockerApiException e) when (DockerErrors.IsConflict(e))
                        {
                            // Created concurrently by another host of the app.
                        }
                    },
                    cancellationToken,
                    reason: "CreatePodSandboxError").ConfigureAwait(false);
                _ready = true;
            }

            return name;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The app network's IPv4 gateway, creating the network when needed.</summary>
    public async Task<string> GetGatewayAsync(CancellationToken cancellationToken)
    {
        if (_gateway is { } known)
        {
            return known;
        }

        var name = await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var network = await engine.Calls.ExecuteAsync("inspect network", ct => engine.Client.Networks.InspectNetworkAsync(name, ct), cancellationToken)
            .ConfigureAwait(false);
        var gateway = network.IPAM?.Config?
            .Select(c => c.Gateway)
            .FirstOrDefault(g => IPAddress.TryParse(g, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork);
        _gateway = gateway ?? throw new ContainerRuntimeException($"network {name} has no IPv4 gateway for the service proxy to listen on")
        {
            Reason = "NetworkError",
        };
        return gateway;
    }

    /// <summary>
    /// Removes the network. True when it is gone (or was missing); false when the engine refused because it is still
    /// used (403), in which case it is left as it is.
    /// </summary>
    public Task<bool> RemoveAsync(CancellationToken cancellationToken) =>
        engine.Calls.ExecuteAsync(
            "remove network",
            async ct =>
            {
                try
                {
                    await engine.Client.Networks.DeleteNetworkAsync(Name, ct).ConfigureAwait(false);
                    return true;
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    return true; // already gone
                }
                catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
                {
                    return false; // still used (403 "has active endpoints"), by another host of the app or a leftover
                }
            },
            cancellationToken);

    /// <summary>Forgets that the network exists, so the next use checks (and creates it) again.</summary>
    public void Forget() => _ready = false;

    public void Dispose() => _gate.Dispose();
}
