using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Orchestration.Sdk.Model;

/// <summary>
/// An immutable map from string keys (ordinal, sorted) to values that compares by value: two maps with the same
/// entries are equal and hash alike whatever order their entries were added in. The model's label, annotation,
/// selector and data maps are kept as this type, so records holding them compare by value and serialize in one
/// canonical (sorted) order. Pass any dictionary: the model's init accessors convert it.
/// </summary>
/// <remarks>
/// Hand-written rather than an ImmutableSortedDictionary because that type compares by reference; a map here is a
/// few entries, so sorted arrays with a binary search are both smaller and faster than a tree.
/// </remarks>
/// <typeparam name="TValue">The value type; compared with its default equality.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly string[] _keys;
    private readonly TValue[] _values;
    private int _hash;

    private ValueMap(string[] keys, TValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>The empty map.</summary>
    public static ValueMap<TValue> Empty { get; } = new([], []);

    /// <inheritdoc />
    public int Count => _keys.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => _values;

    /// <inheritdoc />
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"key \"{key}\" not found");

    /// <summary>A map holding <paramref name="entries"/>; the same instance when it already is one.</summary>
    /// <param name="entries">The entries; a key given twice keeps its last value.</param>
    /// <returns>The map.</returns>
    public static ValueMap<TValue> From(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries is ValueMap<TValue> map)
        {
            return map;
        }

        var sorted = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            sorted[key] = value;
        }

        return sorted.Count == 0 ? Empty : new([.. sorted.Keys], [.. sorted.Values]);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueMap<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._keys.Length != _keys.Length || (_hash != 0 && other._hash != 0 && _hash != other._hash))
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!string.Equals(_keys[i], other._keys[i], StringComparison.Ordinal) || !comparer.Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            for (var i = 0; i < _keys.Length; i++)
            {
                hash.Add(_keys[i], StringComparer.Ordinal);
                hash.Add(_values[i]);
            }

            var h = hash.ToHashCode();
            _hash = h == 0 ? 1 : h;
        }

        return _hash;
    }

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", this.Select(p => $"{p.Key}={p.Value}")) + "}";

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int lo = 0, hi = _keys.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_keys[mid], key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
