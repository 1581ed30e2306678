using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>A directory of a container that holds ConfigMap or Secret files: one tmpfs volume.</summary>
/// <param name="Index">The volume's number among the container's (its holder mounts it at /files/Index).</param>
/// <param name="Path">The directory in the container, absolute, without a trailing '/'.</param>
/// <param name="Files">The files in it.</param>
internal sealed record FileDirectory(int Index, string Path, IReadOnlyList<ContainerFile> Files)
{
    /// <summary>Whether any file is secret (the tmpfs root is then owner-only, 0700).</summary>
    public bool HasSecret => Files.Any(f => f.IsSecret);

    /// <summary>The tmpfs size: three times the content, at least <see cref="DockerFileMounts.MinimumSizeBytes"/>.</summary>
    public long SizeBytes => Math.Max(DockerFileMounts.MinimumSizeBytes, 3 * Files.Sum(f => (long)f.Content.Length));

    /// <summary>Prints the path and file count, never content.</summary>
    public override string ToString() => $"{Path} ({Files.Count} files)";
}
