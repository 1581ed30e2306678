namespace Orchestration.Sdk.Runtime;

/// <summary>
/// Optional capability of an <see cref="IContainerRuntime"/>: replaces the files of a running container (given at
/// create time in <see cref="ContainerCreateRequest.Files"/>) when the ConfigMaps or Secrets they come from change, as
/// the kubelet refreshes configMap and secret volumes. Runtimes without it keep the files a container was created with.
/// </summary>
public interface IContainerFileUpdater
{
    /// <summary>
    /// Replaces the container's files with <paramref name="files"/> (the complete new set), each directory at once so a
    /// reader never sees half an update, as the kubelet's atomic writer. Idempotent: the same set again changes nothing
    /// visible. A file under a directory the container was not created with may be left out (a running container cannot
    /// gain mounts; its next instance gets it). Throws <see cref="ContainerRuntimeException"/> when the container is gone or
    /// the write fails: the agent logs it and tries again at the pod's next sync.
    /// </summary>
    /// <param name="containerId">The container.</param>
    /// <param name="files">Every file, with its new content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the files are in place.</returns>
    Task UpdateFilesAsync(string containerId, IReadOnlyList<ContainerFile> files, CancellationToken cancellationToken);
}
