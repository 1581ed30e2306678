using System.Collections.Concurrent;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Makes a container's image present: builds it from its local build context (<c>WithImageBuiltFrom</c>) when it is
/// missing or the pull policy is Always, else pulls as <see cref="DockerImages"/> does (Never builds nothing either). Builds of one tag never run
/// concurrently (one gate per tag), and a build is not repeated once the tag exists (except under Always, once per
/// runtime).
/// </summary>
internal sealed class DockerImageSource
{
    private readonly DockerImages _images;
    private readonly DockerImageBuildClient _builds;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _builtAlways = new(StringComparer.Ordinal);

    public DockerImageSource(DockerImages images, DockerImageBuildClient builds)
    {
        _images = images;
        _builds = builds;
    }

    public async Task EnsureAsync(string image, string? buildContext, ImagePullPolicy policy, CancellationToken cancellationToken)
    {
        if (buildContext is null || policy == ImagePullPolicy.Never)
        {
            await _images.EnsureAsync(image, policy, cancellationToken).ConfigureAwait(false);
            return;
        }

        var gate = _gates.GetOrAdd(image, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var mayReuse = policy != ImagePullPolicy.Always || _builtAlways.ContainsKey(image);
            if (mayReuse && await _images.ExistsAsync(image, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await _builds.BuildAsync(buildContext, image, cancellationToken).ConfigureAwait(false);
            if (policy == ImagePullPolicy.Always)
            {
                _builtAlways[image] = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
