using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>
/// Declares what a reconciler of <typeparamref name="T"/> watches besides its own kind, as controller-runtime's
/// builder: <c>r =&gt; r.Owns&lt;Deployment&gt;().Owns&lt;Service&gt;()</c>.
/// </summary>
/// <typeparam name="T">The reconciled kind.</typeparam>
public sealed class ReconcilerBuilder<T>
    where T : Resource
{
    private readonly List<Func<KindRegistry, string>> _owned = [];

    /// <summary>
    /// Watches kind <typeparamref name="TOwned"/>: a change to an object of it whose controlling owner reference
    /// (<see cref="OwnerReference.Controller"/> true) names a <typeparamref name="T"/> reconciles that owner.
    /// </summary>
    /// <typeparam name="TOwned">The owned kind (built in or registered with AddKind).</typeparam>
    /// <returns>This builder.</returns>
    public ReconcilerBuilder<T> Owns<TOwned>()
        where TOwned : Resource
    {
        _owned.Add(kinds => kinds.Get<TOwned>().Kind);
        return this;
    }

    /// <summary>Watches an owned kind by its kind name ("Deployment"), for a kind without a CLR type at hand.</summary>
    /// <param name="kind">The owned kind's name; it must be registered when the host starts.</param>
    /// <returns>This builder.</returns>
    public ReconcilerBuilder<T> Owns(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        _owned.Add(kinds => kinds.Get(kind).Kind);
        return this;
    }

    /// <summary>The watch sources: the kind itself, then each owned kind mapped to its controlling owner.</summary>
    internal IReadOnlyList<WatchSource> Sources(KindRegistry kinds)
    {
        var self = kinds.Get<T>().Kind;
        return [WatchSource.Self(self), .. _owned.Select(o => o(kinds)).Distinct(StringComparer.Ordinal).Select(o => WatchSource.Owner(o, self))];
    }
}
