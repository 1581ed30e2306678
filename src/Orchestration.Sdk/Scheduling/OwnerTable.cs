namespace Orchestration.Sdk.Scheduling;

/// <summary>
/// Interns controller uids as small integers so per-node owner counts are keyed by an int, not by a 36-character
/// string. Ids are reference-counted by the pods that use them and recycled once unused.
/// </summary>
internal sealed class OwnerTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string?> _uids = [];
    private readonly List<int> _references = [];
    private readonly Stack<int> _free = new();

    /// <summary>How many owners are in use.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="uid"/>, counting one more user; <see cref="PodInfo.NoOwner"/> for null.</summary>
    public int Acquire(string? uid)
    {
        if (uid is null)
        {
            return PodInfo.NoOwner;
        }

        if (_ids.TryGetValue(uid, out var id))
        {
            _references[id]++;
            return id;
        }

        if (_free.TryPop(out id))
        {
            _uids[id] = uid;
            _references[id] = 1;
        }
        else
        {
            id = _uids.Count;
            _uids.Add(uid);
            _references.Add(1);
        }

        _ids[uid] = id;
        return id;
    }

    /// <summary>Counts one user less; the id is recycled when nobody uses it.</summary>
    public void Release(int id)
    {
        if (id == PodInfo.NoOwner)
        {
            return;
        }

        if (--_references[id] == 0)
        {
            _ids.Remove(_uids[id]!);
            _uids[id] = null;
            _free.Push(id);
        }
    }

    public string? UidOf(int id) => id == PodInfo.NoOwner ? null : _uids[id];
}
