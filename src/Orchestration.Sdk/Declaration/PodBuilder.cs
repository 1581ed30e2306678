using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a standalone pod: not replaced if it is deleted or its node is lost, but its containers are restarted
/// per <see cref="WithRestartPolicy(RestartPolicy)"/>. Defaults: label <c>app=&lt;name&gt;</c>, one container named after
/// the pod, restart policy Always. Created by <see cref="AppDeclaration.AddPod(string)"/>.
/// </summary>
public sealed class PodBuilder : WorkloadBuilder<PodBuilder>, IResourceBuilder
{
    internal PodBuilder(string name)
        : base(name)
    {
    }

    string IResourceBuilder.Kind => Pod.KindName;

    /// <summary>Sets when exited containers are restarted. <value>The default value is <see cref="RestartPolicy.Always"/>.</value></summary>
    /// <param name="policy">Always, OnFailure (non-zero exit codes only) or Never.</param>
    /// <returns>This builder.</returns>
    public PodBuilder WithRestartPolicy(RestartPolicy policy)
    {
        Template.RestartPolicy = policy;
        return this;
    }

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(Pod.KindName, Name);
        return
        [
            new Pod
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = Template.BuildSpec(root.Child("spec"), context.Errors),
            },
        ];
    }
}
