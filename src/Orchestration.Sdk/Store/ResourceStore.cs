using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// The in-process source of truth: versioned objects with optimistic concurrency and watches.
/// Objects are immutable records, so reads hand out the stored instance without copying. Every write goes through
/// its kind's <see cref="KindRule"/> (prepare, then validate): an invalid object is refused with its field errors and
/// changes nothing, whoever writes it.
/// </summary>
internal sealed partial class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<(string Ns, string Name), Resource>> _byKind = new(StringComparer.Ordinal);

    // The same objects for reads without the lock: a Get never waits on a writer. Written only under the lock, in Commit.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Ns, string Name), Resource>> _current = new(StringComparer.Ordinal);

    // Odd while an atomic run is under way (its writes may still be undone): a Get then waits for it under the lock.
    private int _atomicEpoch;
    private readonly WatchHistory _history;
    private readonly List<Watcher> _watchers = [];
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private readonly KindRegistry _kinds;
    private long _version;

    public ResourceStore(TimeProvider time, IOptions<StoreOptions> options, KindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
        _kinds = kinds ?? KindRegistry.CreateDefault();
        _history = new WatchHistory(_options.HistoryCapacity);
        if (_options.PersistencePath is { } path)
        {
            StartPersistence(path);
        }
    }

    public ResourceStore(TimeProvider? time = null)
        : this(time ?? TimeProvider.System, Options.Create(new StoreOptions()))
    {
    }

    /// <summary>The kinds this store accepts, with the rules it enforces.</summary>
    public KindRegistry Kinds => _kinds;

    /// <summary>The version of the last write.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public T Create<T>(T obj)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj = Diagnostics.TraceContextAnnotation.Stamp(obj); // while a span of the SDK is current: the work this object causes links to it
        var rule = _kinds.Get(obj.Kind);
        if (!rule.Namespaced && obj.Metadata.Namespace.Length > 0)
        {
            obj = (T)obj.WithMetadata(obj.Metadata with { Namespace = string.Empty });
        }

        obj = (T)rule.PrepareForCreate(obj);
        Admit(rule.ValidateCreate(obj));
        lock (_gate)
        {
            var map = Map(obj.Kind);
            var meta = obj.Metadata;

            var key = (meta.Namespace, meta.Name);
            if (Current(obj.Kind).ContainsKey(key)) // the same keys as the sorted map, found by hash instead of a tree walk
            {
                throw new AlreadyExistsException(obj.Key, $"{Plural(obj.Kind)} \"{meta.Name}\" already exists");
            }

            var stored = (T)obj.WithMetadata(meta with
            {
                Uid = meta.Uid.Length > 0 ? meta.Uid : Guid.NewGuid().ToString(),
                ResourceVersion = ++_version,
                Generation = 1,
                CreationTimestamp = _time.GetUtcNow(),
            });
            Commit(map, key, null, Protect(stored), WatchEventType.Added);
            return stored;
        }
    }

    /// <summary>Writes spec and metadata; the status is kept as stored. The generation grows when the spec changed.</summary>
    public T Update<T>(T obj)
        where T : Resource => Write(obj, statusOnly: false);

    /// <summary>Writes the status only; spec and metadata are kept as stored.</summary>
    public T UpdateStatus<T>(T obj)
        where T : Resource => Write(obj, statusOnly: true);

    public T? Get<T>(ObjectKey key)
        where T : Resource
    {
        var epoch = Volatile.Read(ref _atomicEpoch);
        if ((epoch & 1) == 0)
        {
            var found = _current.TryGetValue(key.Kind, out var current) && current.TryGetValue((key.Namespace, key.Name), out var obj) ? obj : null;
            if (Volatile.Read(ref _atomicEpoch) == epoch)
            {
                return found is null ? null : Reveal((T)found);
            }
        }

        lock (_gate)
        {
            return _byKind.TryGetValue(key.Kind, out var map) && map.TryGetValue((key.Namespace, key.Name), out var obj) ? Reveal((T)obj) : null;
        }
    }

    public ListResult<T> List<T>(string kind, string? ns = null, LabelSelector? selector = null, Func<T, bool>? filter = null)
        where T : Resource
    {
        lock (_gate)
        {
            var items = new List<T>();
            if (_byKind.TryGetValue(kind, out var map))
            {
                foreach (var obj in map.Values)
                {
                    if ((ns is null || obj.Metadata.Namespace == ns) &&
                        (selector is null || selector.Matches(obj.Metadata.Labels)) &&
                        Reveal((T)obj) is var typed &&
                        (filter is null || filter(typed)))
                    {
                        items.Add(typed);
                    }
                }
            }

            return new ListResult<T>(items, _version);
        }
    }

    /// <summary>Removes an object. With <paramref name="expectedVersion"/>, a newer stored version is a conflict.</summary>
    public Resource Delete(ObjectKey key, long? expectedVersion = null)
    {
        lock (_gate)
        {
            if (!_byKind.TryGetValue(key.Kind, out var map) || !map.TryGetValue((key.Namespace, key.Name), out var current))
            {
                throw new NotFoundException(key, $"{Plural(key.Kind)} \"{key.Name}\" not found");
            }

            if (expectedVersion is { } v && v != current.Metadata.ResourceVersion)
            {
                throw Conflict(current);
            }

            var last = current.WithMetadata(current.Metadata with { ResourceVersion = ++_version });
            Commit(map, (key.Namespace, key.Name), current, last, WatchEventType.Deleted);
            return Reveal(last);
        }
    }

    private T Write<T>(T obj, bool statusOnly)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(obj);
        var rule = _kinds.Get(obj.Kind);
        lock (_gate)
        {
            var key = obj.Key;
            if (!_byKind.TryGetValue(key.Kind, out var map) || !map.TryGetValue((key.Namespace, key.Name), out var stored))
            {
                throw new NotFoundException(key, $"{Plural(key.Kind)} \"{key.Name}\" not found");
            }

            if (obj.Metadata.ResourceVersion != stored.Metadata.ResourceVersion)
            {
                throw Conflict(stored);
            }

            var current = Reveal(stored);
            Resource next;
            if (statusOnly)
            {
                next = rule.PrepareForStatusUpdate(obj, current);
                Admit(rule.ValidateStatusUpdate(next, current));
                next = next.WithMetadata(current.Metadata with { ResourceVersion = _version + 1 });
            }
            else
            {
                next = rule.PrepareForUpdate(obj, current);
                next = next.WithMetadata(next.Metadata with
                {
                    Namespace = current.Metadata.Namespace,
                    Uid = current.Metadata.Uid,
                    CreationTimestamp = current.Metadata.CreationTimestamp,
                    Generation = current.Metadata.Generation,

                    // As Kubernetes: once a deletion has begun, no update takes it back.
                    DeletionTimestamp = current.Metadata.DeletionTimestamp ?? next.Metadata.DeletionTimestamp,
                });
                Admit(rule.ValidateUpdate(next, current));
                next = next.WithMetadata(next.Metadata with
                {
                    Generation = SpecEquals(current.SpecObject, next.SpecObject) ? current.Metadata.Generation : current.Metadata.Generation + 1,
                    ResourceVersion = _version + 1,
                });
            }

            _version++;
            var kept = Protect(next);
            if (!statusOnly && next is not Pod && next.Metadata.DeletionTimestamp is not null
                && current.Metadata.Finalizers.Count > 0 && next.Metadata.Finalizers.Count == 0)
            {
                // As kube-apiserver: the update that removes the last finalizer of a terminating object deletes it
                // (a pod is the exception: its graceful deletion ends when its node agent has stopped it).
                Commit(map, (key.Namespace, key.Name), stored, kept, WatchEventType.Deleted);
                return (T)next;
            }

            Commit(map, (key.Namespace, key.Name), stored, kept, WatchEventType.Modified);
            return (T)next;
        }
    }

    /// <summary>Refuses a write its kind's rule found invalid, with every field error; nothing is written.</summary>
    private static void Admit(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DeclarationValidationException(errors);
        }
    }

    /// <summary>Whether two specs are equal: the model's records and collections compare by value.</summary>
    private static bool SpecEquals(object? stored, object? incoming) =>
        ReferenceEquals(stored, incoming) || (stored is not null && stored.Equals(incoming));

    private SortedDictionary<(string Ns, string Name), Resource> Map(string kind)
    {
        if (!_byKind.TryGetValue(kind, out var map))
        {
            map = new SortedDictionary<(string Ns, string Name), Resource>(KeyComparer.Instance);
            _byKind[kind] = map;
        }

        return map;
    }

    internal ConflictException Conflict(Resource current) =>
        new(current.Key, $"Operation cannot be fulfilled on {Plural(current.Kind)} \"{current.Metadata.Name}\": the object has been modified; please apply your changes to the latest version and try again");

    internal string Plural(string kind) => _kinds.TryGet(kind, out var rule) ? rule.Plural : FieldPath.Plural(kind);

    private sealed class KeyComparer : IComparer<(string Ns, string Name)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Ns, string Name) x, (string Ns, string Name) y)
        {
            var c = string.CompareOrdinal(x.Ns, y.Ns);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
