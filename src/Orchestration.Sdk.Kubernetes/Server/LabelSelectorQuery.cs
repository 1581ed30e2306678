namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// A parsed <c>labelSelector</c> query: comma-separated requirements, each <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>,
/// <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> or <c>!k</c>, as Kubernetes' label selector syntax.
/// The SDK's <c>LabelSelector</c> holds equality only, so the set-based forms are parsed here.
/// </summary>
internal sealed class LabelSelectorQuery
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    private LabelSelectorQuery()
    {
    }

    public static LabelSelectorQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var query = new LabelSelectorQuery();
        foreach (var part in SplitTopLevel(text))
        {
            query._requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return query;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.TrueForAll(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string whole)
    {
        if (part.StartsWith('!'))
        {
            var key = part[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = part[..at].Trim();
                var set = part[(at + op.Length)..].Trim();
                if (!set.StartsWith('(') || !set.EndsWith(')'))
                {
                    throw Invalid(whole);
                }

                var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                return negate
                    ? l => !l.TryGetValue(key, out var v) || !values.Contains(v)
                    : l => l.TryGetValue(key, out var v) && values.Contains(v);
            }
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = part[..at].Trim();
                var value = part[(at + op.Length)..].Trim();
                return negate
                    ? l => !l.TryGetValue(key, out var v) || v != value
                    : l => l.TryGetValue(key, out var v) && v == value;
            }
        }

        if (part.Length == 0 || part.Any(c => c is ' ' or '(' or ')'))
        {
            throw Invalid(whole);
        }

        return l => l.ContainsKey(part);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static ApiError Invalid(string text) => ApiError.BadRequest($"unable to parse requirement: found '{text}', expected: key, !key, key=value, key!=value, key in (values) or key notin (values)");
}
