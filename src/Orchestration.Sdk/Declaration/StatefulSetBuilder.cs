using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a <see cref="StatefulSet"/>: pods with stable names (<c>db-0</c>, <c>db-1</c>…) and their own claims.
/// Created by <see cref="AppDeclaration.AddStatefulSet(string)"/>; the pods carry <c>app=&lt;name&gt;</c>, which the
/// set selects on. Defaults as Kubernetes': one replica, OrderedReady, rolling update with partition 0.
/// </summary>
public sealed class StatefulSetBuilder : WorkloadBuilder<StatefulSetBuilder>, IResourceBuilder
{
    private readonly List<(string Name, string Storage, PersistentVolumeAccessMode[] Modes, PersistentVolumeReclaimPolicy Policy)> _claims = [];
    private int _replicas = 1;
    private string? _serviceName;
    private PodManagementPolicy _policy = PodManagementPolicy.OrderedReady;
    private StatefulSetUpdateStrategy _strategy = new();

    internal StatefulSetBuilder(string name)
        : base(name)
    {
        SelectorLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [PodTemplateRecorder.AppLabel] = DerivedNames.AppLabelValue(name) };
    }

    internal IReadOnlyDictionary<string, string> SelectorLabels { get; }

    string IResourceBuilder.Kind => StatefulSet.KindName;

    /// <summary>Sets the number of pods. <value>The default value is 1.</value></summary>
    /// <param name="replicas">At least 0.</param>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithReplicas(int replicas)
    {
        _replicas = replicas;
        return this;
    }

    /// <summary>
    /// Sets the headless service that gives each pod a DNS name <c>&lt;pod&gt;.&lt;service&gt;</c> (declare it with
    /// <see cref="AppDeclaration.AddService(string)"/>). <value>The default value is null.</value>
    /// </summary>
    /// <param name="serviceName">The service's name.</param>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithServiceName(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        _serviceName = serviceName;
        return this;
    }

    /// <summary>Sets whether pods start and stop in order or all at once. <value>The default value is <see cref="PodManagementPolicy.OrderedReady"/>.</value></summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithPodManagementPolicy(PodManagementPolicy policy)
    {
        _policy = policy;
        return this;
    }

    /// <summary>
    /// Updates pods from the highest ordinal down, leaving those below <paramref name="partition"/> at the current
    /// revision. <value>The default value is a rolling update with partition 0.</value>
    /// </summary>
    /// <param name="partition">At least 0.</param>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithRollingUpdate(int partition = 0)
    {
        _strategy = new StatefulSetUpdateStrategy { Partition = partition };
        return this;
    }

    /// <summary>Replaces pods only when they are deleted (update strategy OnDelete). <value>The default value is a rolling update.</value></summary>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithOnDeleteUpdate()
    {
        _strategy = new StatefulSetUpdateStrategy { Type = StatefulSetUpdateStrategyType.OnDelete };
        return this;
    }

    /// <summary>
    /// Gives each pod its own claim <c>&lt;name&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>, mounted as volume
    /// <paramref name="name"/> (at <paramref name="mountPath"/> in the primary container when given). Claims are kept
    /// when the set scales down or is deleted (Kubernetes' default retention policy, Retain).
    /// </summary>
    /// <param name="name">The template's name, a DNS-1123 label.</param>
    /// <param name="storage">The storage each claim requests, a quantity such as "1Gi".</param>
    /// <param name="mountPath">Where the primary container mounts it. <value>The default value is null (not mounted by the primary container).</value></param>
    /// <param name="accessMode">The claims' access mode. <value>The default value is ReadWriteOnce.</value></param>
    /// <param name="reclaimPolicy">What happens to a claim's data when the claim is deleted. <value>The default value is Retain.</value></param>
    /// <returns>This builder.</returns>
    public StatefulSetBuilder WithVolumeClaimTemplate(
        string name, string storage, string? mountPath = null,
        PersistentVolumeAccessMode accessMode = PersistentVolumeAccessMode.ReadWriteOnce,
        PersistentVolumeReclaimPolicy reclaimPolicy = PersistentVolumeReclaimPolicy.Retain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(storage);
        _claims.Add((name, storage, [accessMode], reclaimPolicy));
        return mountPath is null ? this : WithVolumeMount(name, mountPath);
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(StatefulSet.KindName, Name);
        var spec = Template.BuildSpec(root.Child("spec", "template").Child("spec"), context.Errors);
        var claims = new List<PersistentVolumeClaimTemplate>();
        for (var i = 0; i < _claims.Count; i++)
        {
            var (name, storage, modes, policy) = _claims[i];
            Quantity? request = null;
            if (QuantityParser.TryParse(storage, out var parsed, out var reason))
            {
                request = parsed;
            }
            else
            {
                context.Errors.Add(FieldErrors.Invalid(root.Child("spec", "volumeClaimTemplates").Index(i).Child("spec", "resources").Child("requests").Key("storage"), storage, reason));
            }

            claims.Add(new PersistentVolumeClaimTemplate
            {
                Name = name,
                Spec = new PersistentVolumeClaimSpec { AccessModes = modes, StorageRequest = request, ReclaimPolicy = policy },
            });
        }

        return
        [
            new StatefulSet
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = new StatefulSetSpec
                {
                    Replicas = _replicas,
                    Selector = LabelSelector.Of(new Dictionary<string, string>(SelectorLabels, StringComparer.Ordinal)),
                    Template = new PodTemplateSpec { Labels = Template.CopyLabels(), Annotations = Template.CopyAnnotations(), Spec = spec },
                    ServiceName = _serviceName,
                    PodManagementPolicy = _policy,
                    UpdateStrategy = _strategy,
                    VolumeClaimTemplates = claims,
                },
            },
        ];
    }
}
