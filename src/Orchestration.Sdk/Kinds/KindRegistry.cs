using System.Collections.Concurrent;
using Orchestration.Sdk.Kinds.BuiltIn;

namespace Orchestration.Sdk.Kinds;

/// <summary>
/// The kinds the store accepts, each with its <see cref="KindRule"/>, as kube-apiserver's registry. AddOrchestration
/// registers one, holding every built-in kind; register your own kind's rule on it before the host starts.
/// Safe to read and register from several threads.
/// </summary>
public sealed class KindRegistry
{
    private readonly ConcurrentDictionary<string, KindRule> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, KindRule> _byType = new();
    private readonly ConcurrentDictionary<string, KindRule> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KindRule> _all = [];
    private readonly Lock _gate = new();

    /// <summary>Creates an empty registry; <see cref="CreateDefault"/> gives one with the built-in kinds.</summary>
    public KindRegistry()
    {
    }

    /// <summary>The built-in kinds, shared by code that has no registry of its own (a declaration's validation).</summary>
    internal static KindRegistry BuiltIn { get; } = CreateDefault();

    /// <summary>Every registered rule, in registration order.</summary>
    public IReadOnlyList<KindRule> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>
    /// Creates a registry with the built-in kinds: Pod, Service, Endpoints, ConfigMap, Secret, Node and Event (core v1),
    /// Deployment and ReplicaSet (apps/v1), HorizontalPodAutoscaler (autoscaling/v2).
    /// </summary>
    /// <returns>The registry.</returns>
    public static KindRegistry CreateDefault()
    {
        var registry = new KindRegistry();
        foreach (var rule in BuiltInRules.Create())
        {
            registry.Register(rule);
        }

        return registry;
    }

    /// <summary>
    /// Registers a kind. Its kind name, type, plural, singular and short names must not be taken by another kind.
    /// </summary>
    /// <param name="rule">The kind's rule.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">A name or the type is already registered.</exception>
    public KindRegistry Register(KindRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrEmpty(rule.Kind);
        ArgumentException.ThrowIfNullOrEmpty(rule.Plural);
        string[] names = [rule.Kind, rule.Plural, rule.Singular, .. rule.ShortNames];
        lock (_gate)
        {
            if (_byKind.ContainsKey(rule.Kind) || _byType.ContainsKey(rule.ClrType))
            {
                throw new ArgumentException($"kind \"{rule.Kind}\" ({rule.ClrType.Name}) is already registered", nameof(rule));
            }

            foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (_byName.TryGetValue(name, out var taken))
                {
                    throw new ArgumentException($"name \"{name}\" of kind \"{rule.Kind}\" is already used by kind \"{taken.Kind}\"", nameof(rule));
                }
            }

            foreach (var name in names)
            {
                _byName[name] = rule;
            }

            _byType[rule.ClrType] = rule;
            _byKind[rule.Kind] = rule;
            _all.Add(rule);
        }

        return this;
    }

    /// <summary>Finds the rule of a kind by its exact kind name ("Deployment").</summary>
    /// <param name="kind">The kind name.</param>
    /// <param name="rule">The rule, when registered.</param>
    /// <returns>Whether the kind is registered.</returns>
    public bool TryGet(string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KindRule? rule)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _byKind.TryGetValue(kind, out rule);
    }

    /// <summary>The rule of a kind by its exact kind name.</summary>
    /// <param name="kind">The kind name.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="UnknownKindException">The kind is not registered.</exception>
    public KindRule Get(string kind) => TryGet(kind, out var rule) ? rule : throw new UnknownKindException(kind);

    /// <summary>The rule of a kind by its type.</summary>
    /// <typeparam name="T">The kind's type.</typeparam>
    /// <returns>The rule.</returns>
    /// <exception cref="UnknownKindException">No kind of that type is registered.</exception>
    public KindRule<T> Get<T>()
        where T : Model.Resource =>
        _byType.TryGetValue(typeof(T), out var rule) ? (KindRule<T>)rule : throw new UnknownKindException(typeof(T).Name);

    /// <summary>
    /// Finds a kind as kubectl resolves a resource argument: by plural, singular, short name or kind, ignoring case
    /// ("deployments", "deploy", "Deployment").
    /// </summary>
    /// <param name="name">The name to resolve.</param>
    /// <returns>The rule, or null when no kind has that name.</returns>
    public KindRule? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var rule) ? rule : null;
    }
}
