namespace Orchestration.Sdk.Runtime.InMemory;

// Files and environment of ConfigMaps and Secrets given to simulated containers: recorded, never written anywhere.
public sealed partial class InMemoryNode : IContainerFileUpdater
{
    private readonly Dictionary<string, IReadOnlyList<ContainerFile>> _updatedFiles = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task UpdateFilesAsync(string containerId, IReadOnlyList<ContainerFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        ArgumentNullException.ThrowIfNull(files);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_containers.TryGetValue(containerId, out _))
            {
                throw new ContainerRuntimeException($"no such container: {containerId}") { Reason = "NotFound" };
            }

            _updatedFiles[containerId] = files;
        }

        return Task.CompletedTask;
    }

    /// <summary>The current files of a pod's newest container instance, or null when there is none.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    internal IReadOnlyList<ContainerFile>? FilesOf(string podName, string containerName)
    {
        lock (_gate)
        {
            var c = Newest(podName, containerName);
            return c is null ? null : _updatedFiles.GetValueOrDefault(c.Id) ?? c.Request.Files;
        }
    }

    /// <summary>The environment a pod's newest container instance was created with, or null when there is none.</summary>
    /// <param name="podName">The pod's name, or "namespace/name".</param>
    /// <param name="containerName">The container's name within the pod.</param>
    internal IReadOnlyDictionary<string, string>? EnvironmentOf(string podName, string containerName)
    {
        lock (_gate)
        {
            return Newest(podName, containerName)?.Request.Environment;
        }
    }
}
