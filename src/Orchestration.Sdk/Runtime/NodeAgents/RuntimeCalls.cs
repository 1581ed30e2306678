using Orchestration.Sdk.Diagnostics;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>
/// The node agent's calls of its <see cref="IContainerRuntime"/>, each a "runtime {operation}" span (a child of the pod
/// sync that makes it) and a measurement of orchestration.runtime.call.duration (and .errors) tagged with the
/// operation, whatever the runtime (in memory, Docker, a user's). The runtime itself stays reachable as it is, so
/// optional capabilities are still found on it. When nobody listens a call costs one check and a delegate.
/// </summary>
internal sealed class RuntimeCalls(IContainerRuntime runtime, string node, TimeProvider time, OrchestrationMetrics? metrics)
{
    public Task<PodSandbox> RunPodSandboxAsync(PodSandboxRequest request, CancellationToken ct) =>
        RunAsync("RunPodSandbox", null, () => runtime.RunPodSandboxAsync(request, ct));

    public Task RemovePodSandboxAsync(string sandboxId, CancellationToken ct) =>
        RunAsync("RemovePodSandbox", null, () => runtime.RemovePodSandboxAsync(sandboxId, ct));

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxesAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken ct) =>
        RunAsync("ListPodSandboxes", null, () => runtime.ListPodSandboxesAsync(labelSelector, ct));

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken ct) =>
        RunAsync("CreateContainer", request.Name, () => runtime.CreateContainerAsync(request, ct));

    public Task StartContainerAsync(string containerId, CancellationToken ct, string? container = null) =>
        RunAsync("StartContainer", container, () => runtime.StartContainerAsync(containerId, ct));

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken ct, string? container = null) =>
        RunAsync("StopContainer", container, () => runtime.StopContainerAsync(containerId, gracePeriod, ct));

    public Task RemoveContainerAsync(string containerId, CancellationToken ct, string? container = null) =>
        RunAsync("RemoveContainer", container, () => runtime.RemoveContainerAsync(containerId, ct));

    public Task<IReadOnlyList<RuntimeContainer>> ListContainersAsync(IReadOnlyDictionary<string, string> labelSelector, CancellationToken ct) =>
        RunAsync("ListContainers", null, () => runtime.ListContainersAsync(labelSelector, ct));

    private async Task RunAsync(string operation, string? container, Func<Task> call) =>
        await RunAsync(operation, container, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private async Task<T> RunAsync<T>(string operation, string? container, Func<Task<T>> call)
    {
        var measured = metrics is { RuntimeEnabled: true };
        using var activity = OrchestrationActivities.StartRuntimeCall(operation, node, container);
        if (activity is null && !measured)
        {
            return await call().ConfigureAwait(false);
        }

        var started = time.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            if (measured)
            {
                metrics!.RecordRuntimeCall(operation, time.GetElapsedTime(started), null);
            }

            return result;
        }
        catch (Exception ex)
        {
            OrchestrationActivities.Fail(activity, ex);
            if (measured)
            {
                metrics!.RecordRuntimeCall(operation, time.GetElapsedTime(started), ex);
            }

            throw;
        }
    }
}
