namespace Orchestration.Sdk.Model;

/// <summary>Selects objects whose labels contain every pair of <see cref="MatchLabels"/>.</summary>
public sealed record LabelSelector
{
    /// <summary>Label pairs an object must carry. An empty selector matches everything.</summary>
    public IReadOnlyDictionary<string, string> MatchLabels { get; init => field = ValueCollections.Map(value); } = ObjectMeta.EmptyMap;

    /// <summary>A selector matching the given pairs.</summary>
    /// <param name="labels">The pairs.</param>
    public static LabelSelector Of(IReadOnlyDictionary<string, string> labels) => new() { MatchLabels = labels };

    /// <summary>Whether <paramref name="labels"/> contains every pair of the selector.</summary>
    /// <param name="labels">An object's labels.</param>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(",", MatchLabels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
