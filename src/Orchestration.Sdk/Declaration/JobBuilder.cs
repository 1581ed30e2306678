using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Declares a Job. Defaults, as Kubernetes': completions 1, parallelism 1, backoffLimit 6, no activeDeadlineSeconds,
/// no ttlSecondsAfterFinished, label <c>app=&lt;name&gt;</c>, one container named after the job, and restart policy
/// Never (a Job's pods must use Never or OnFailure). Created by <see cref="AppDeclaration.AddJob(string)"/>.
/// </summary>
public sealed class JobBuilder : JobSettings<JobBuilder>, IResourceBuilder
{
    internal JobBuilder(string name)
        : base(name)
    {
    }

    string IResourceBuilder.Kind => Job.KindName;

    IReadOnlyList<Resource> IResourceBuilder.Build(DeclarationContext context)
    {
        var root = FieldPath.Of(Job.KindName, Name);
        return
        [
            new Job
            {
                Metadata = new ObjectMeta
                {
                    Name = Name,
                    Namespace = context.Namespace,
                    Labels = Template.CopyLabels(),
                    Annotations = Template.CopyAnnotations(),
                },
                Spec = JobSpec.Build(Template, root.Child("spec"), context.Errors),
            },
        ];
    }
}
