namespace Orchestration.Sdk.Informers;

/// <summary>A handler added to a shared informer. Dispose it to remove the handler.</summary>
public interface IInformerRegistration : IDisposable
{
    /// <summary>Whether the handler has been told of every object of the informer's first list (or, for a late handler, of every object cached when it was added).</summary>
    bool HasSynced { get; }

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
