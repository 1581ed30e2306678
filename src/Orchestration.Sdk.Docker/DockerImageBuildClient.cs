using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Builds an image through the engine's build API from a local directory holding a Dockerfile (the directory is
/// sent as a tar archive made in-process; no docker CLI is needed). Used by <c>WithImageBuiltFrom(path)</c>, the
/// pause image and the tests.
/// </summary>
internal sealed partial class DockerImageBuildClient
{
    private readonly IDockerClient _client;
    private readonly DockerCallPolicy _calls;
    private readonly ILogger _logger;

    public DockerImageBuildClient(IDockerClient client, DockerCallPolicy calls, ILogger logger)
    {
        _client = client;
        _calls = calls;
        _logger = logger;
    }

    /// <summary>How long one build may take. <value>The default value is 10 minutes.</value></summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Builds <paramref name="contextDirectory"/> (which holds <paramref name="dockerfile"/>) as <paramref name="tag"/>.</summary>
    /// <returns>The image id.</returns>
    public async Task<string> BuildAsync(
        string contextDirectory, string tag, CancellationToken cancellationToken, string dockerfile = "Dockerfile")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contextDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var directory = Path.GetFullPath(contextDirectory);
        if (!File.Exists(Path.Combine(directory, dockerfile)))
        {
            throw new ContainerRuntimeException(
                $"cannot build image {tag}: {Path.Combine(directory, dockerfile)} does not exist")
            {
                Reason = "ImageBuildError",
            };
        }

        using var archive = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(directory, archive, includeBaseDirectory: false, cancellationToken)
            .ConfigureAwait(false);
        return await BuildFromArchiveAsync(archive.ToArray(), tag, directory, cancellationToken, dockerfile)
            .ConfigureAwait(false);
    }

    /// <summary>Builds a tar build context held in memory.</summary>
    /// <returns>The image id.</returns>
    public async Task<string> BuildFromArchiveAsync(
        byte[] archive, string tag, string source, CancellationToken cancellationToken, string dockerfile = "Dockerfile")
    {
        ArgumentNullException.ThrowIfNull(archive);
        LogBuilding(tag, source);
        var collector = await _calls.ExecuteAsync(
            "build image",
            async ct =>
            {
                var progress = new JsonMessageCollector();
                using var context = new MemoryStream(archive, writable: false);
                var parameters = new ImageBuildParameters
                {
                    Tags = [tag],
                    Dockerfile = dockerfile,
                    Remove = true,
                    ForceRemove = true,
                };
                await _client.Images.BuildImageFromDockerfileAsync(parameters, context, null, null, progress, ct)
                    .ConfigureAwait(false);
                return progress;
            },
            cancellationToken,
            BuildTimeout,
            "ImageBuildError").ConfigureAwait(false);
        if (collector.Error is { } error)
        {
            throw new ContainerRuntimeException(
                $"building image {tag} from {source} failed: {error}{Environment.NewLine}{collector.Tail}")
            {
                Reason = "ImageBuildError",
            };
        }

        return collector.ImageId ?? tag;
    }

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Building image {Tag} from {Source}")]
    private partial void LogBuilding(string tag, string source);
}
