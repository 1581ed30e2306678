using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a Deployment: a number of identical pods, replaced when they fail and rolled out when their template
/// changes. Defaults: 1 replica, labels and selector <c>app=&lt;name&gt;</c>, one container named after the deployment,
/// restart policy Always. Created by <see cref="AppDeclaration.AddDeployment(string)"/>.
/// </summary>
public sealed class DeploymentBuilder : WorkloadBuilder<DeploymentBuilder>, IResourceBuilder
{
    private int _replicas = 1;
    private int _revisionHistoryLimit = 10;

    internal DeploymentBuilder(string name)
        : base(name)
    {
        SelectorLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [PodTemplateRecorder.AppLabel] = name };
    }

    /// <summary>The labels the Deployment selects its pods by (<c>app=&lt;name&gt;</c>); a service selecting its pods uses them.</summary>
    internal IReadOnlyDictionary<string, string> SelectorLabels { get; }

    string IResourceBuilder.Kind => Deployment.KindName;

    /// <summary>Sets how many pods run; must not be negative. <value>The default value is 1.</value></summary>
    /// <param name="replicas">The number of pods.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithReplicas(int replicas)
    {
        _replicas = replicas;
        return this;
    }

    /// <summary>Sets how many old ReplicaSets are kept for rollback; must not be negative. <value>The default value is 10.</value></summary>
    /// <param name="limit">The number of old revisions kept.</param>
    /// <returns>This builder.</returns>
    public DeploymentBuilder WithRevisionHistoryLimit(int limit)
    {
        _revisionHistoryLimit = limit;
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(Deployment.KindName, Name);
        var spec = Template.BuildSpec(root.Child("spec", "template").Child("spec"), context.Errors);
        return
        [
            new Deployment
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = new DeploymentSpec
                {
                    Replicas = _replicas,
                    Selector = LabelSelector.Of(new Dictionary<string, string>(SelectorLabels, StringComparer.Ordinal)),
                    Template = new PodTemplateSpec
                    {
                        Labels = Template.CopyLabels(),
                        Annotations = Template.CopyAnnotations(),
                        Spec = spec,
                    },
                    RevisionHistoryLimit = _revisionHistoryLimit,
                },
            },
        ];
    }
}
