using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>Makes an image present according to a pull policy, failing fast and clearly when it cannot be.</summary>
internal sealed partial class DockerImages
{
    private readonly IDockerClient _client;
    private readonly DockerCallPolicy _calls;
    private readonly TimeSpan _pullTimeout;
    private readonly ILogger _logger;

    public DockerImages(IDockerClient client, DockerCallPolicy calls, TimeSpan pullTimeout, ILogger logger)
    {
        _client = client;
        _calls = calls;
        _pullTimeout = pullTimeout;
        _logger = logger;
    }

    /// <summary>Whether the engine has the image.</summary>
    public Task<bool> ExistsAsync(string image, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync(
            "inspect image",
            async ct =>
            {
                try
                {
                    await _client.Images.InspectImageAsync(image, ct).ConfigureAwait(false);
                    return true;
                }
                catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
                {
                    return false;
                }
            },
            cancellationToken);

    /// <summary>
    /// Ensures <paramref name="image"/> is present: pulls it as <paramref name="policy"/> says, and throws a
    /// <see cref="ContainerRuntimeException"/> with reason "ErrImagePull" (or "ErrImageNeverPull") when it cannot be.
    /// </summary>
    public async Task EnsureAsync(string image, ImagePullPolicy policy, CancellationToken cancellationToken)
    {
        if (policy != ImagePullPolicy.Always && await ExistsAsync(image, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (policy == ImagePullPolicy.Never)
        {
            throw new ContainerRuntimeException($"Container image \"{image}\" is not present with pull policy of Never")
            {
                Reason = "ErrImageNeverPull",
            };
        }

        try
        {
            await PullAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e) when (e.Reason != "RuntimeUnavailable")
        {
            var cause = DockerErrors.Describe(e.InnerException ?? e);
            var what = policy == ImagePullPolicy.Always
                ? $"image {image} could not be pulled"
                : $"image {image} not found locally and could not be pulled";
            LogPullFailed(image, cause);
            throw new ContainerRuntimeException($"{what}: {cause}", e) { Reason = "ErrImagePull" };
        }
    }

    private Task PullAsync(string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        LogPulling(image);
        return _calls.ExecuteAsync(
            "pull image",
            async ct =>
            {
                var progress = new JsonMessageCollector();
                var parameters = new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.Tag };
                await _client.Images.CreateImageAsync(parameters, null, progress, ct).ConfigureAwait(false);
                if (progress.Error is { } error)
                {
                    throw new InvalidOperationException(error);
                }
            },
            cancellationToken,
            _pullTimeout,
            "ErrImagePull");
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Pulling image {Image}")]
    private partial void LogPulling(string image);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Pulling image {Image} failed: {Error}")]
    private partial void LogPullFailed(string image, string error);
}
