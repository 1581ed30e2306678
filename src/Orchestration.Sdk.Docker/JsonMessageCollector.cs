using Docker.DotNet.Models;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Receives the progress messages of a pull or build synchronously (unlike <see cref="Progress{T}"/>, which posts
/// them later), keeping the first error and the last lines of output.
/// </summary>
internal sealed class JsonMessageCollector : IProgress<JSONMessage>
{
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    /// <summary>The first error the engine reported in the stream, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The image id the build reported ("aux" message), or null.</summary>
    public string? ImageId { get; private set; }

    /// <summary>The last lines of output, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    public void Report(JSONMessage value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            if (value.Error?.Message is { Length: > 0 } error)
            {
                Error ??= error.Trim();
            }

            if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) && id?.ToString() is { Length: > 0 } imageId)
            {
                ImageId = imageId;
            }

            var line = (value.Stream ?? value.Status)?.TrimEnd();
            if (!string.IsNullOrEmpty(line))
            {
                _tail.Enqueue(line);
                if (_tail.Count > 20)
                {
                    _tail.Dequeue();
                }
            }
        }
    }
}
