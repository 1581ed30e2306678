namespace Orchestration.Sdk.Runtime.InMemory;

/// <summary>Images told to crash on start or to be missing; one set per node and one for the whole cluster.</summary>
internal sealed class ImageFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _crashOnStart = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notFound = new(StringComparer.Ordinal);

    public void CrashOnStart(string image, int exitCode)
    {
        lock (_gate)
        {
            _crashOnStart[image] = exitCode;
        }
    }

    public void NotFound(string image)
    {
        lock (_gate)
        {
            _notFound.Add(image);
        }
    }

    public void Restore(string image)
    {
        lock (_gate)
        {
            _crashOnStart.Remove(image);
            _notFound.Remove(image);
        }
    }

    public bool IsNotFound(string image)
    {
        lock (_gate)
        {
            return _notFound.Contains(image);
        }
    }

    public int? CrashExitCode(string image)
    {
        lock (_gate)
        {
            return _crashOnStart.TryGetValue(image, out var code) ? code : null;
        }
    }
}
