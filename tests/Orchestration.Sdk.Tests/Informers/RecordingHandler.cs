using System.Threading.Channels;
using Orchestration.Sdk.Informers;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Informers;

/// <summary>Records what an informer told it as "add a", "update a 3->5", "delete b", and lets a test await them in order.</summary>
internal sealed class RecordingHandler<T> : IResourceEventHandler<T>
    where T : Resource
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

    public List<string> Seen { get; } = [];

    public void OnAdd(T obj, bool isInInitialList) => Record($"add {obj.Metadata.Name}{(isInInitialList ? " (initial)" : string.Empty)}");

    public void OnUpdate(T oldObj, T newObj) =>
        Record($"update {newObj.Metadata.Name} {oldObj.Metadata.ResourceVersion}->{newObj.Metadata.ResourceVersion}");

    public void OnDelete(T obj) => Record($"delete {obj.Metadata.Name}");

    /// <summary>The next <paramref name="count"/> events, waiting (bounded, real time) for them.</summary>
    public async Task<List<string>> NextAsync(int count)
    {
        var got = new List<string>();
        using var cts = new CancellationTokenSource(Bound);
        try
        {
            while (got.Count < count)
            {
                got.Add(await _events.Reader.ReadAsync(cts.Token));
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"expected {count} events, got [{string.Join(", ", got)}]");
        }

        return got;
    }

    /// <summary>Events received but not yet read by <see cref="NextAsync"/>.</summary>
    public int Pending => _events.Reader.Count;

    private void Record(string e)
    {
        lock (Seen)
        {
            Seen.Add(e);
        }

        _events.Writer.TryWrite(e);
    }
}
