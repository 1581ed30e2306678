using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>Records a job spec's settings; Jobs and CronJobs' job templates share it.</summary>
internal sealed class JobSpecRecorder
{
    public int? Completions { get; set; } = 1;

    public int Parallelism { get; set; } = 1;

    public int BackoffLimit { get; set; } = 6;

    public long? ActiveDeadlineSeconds { get; set; }

    public int? TtlSecondsAfterFinished { get; set; }

    public JobSpec Build(PodTemplateRecorder template, FieldPath specPath, List<ValidationError> errors) => new()
    {
        Completions = Completions,
        Parallelism = Parallelism,
        BackoffLimit = BackoffLimit,
        ActiveDeadlineSeconds = ActiveDeadlineSeconds,
        TtlSecondsAfterFinished = TtlSecondsAfterFinished,
        Template = new PodTemplateSpec
        {
            Labels = template.CopyLabels(),
            Annotations = template.CopyAnnotations(),
            Spec = template.BuildSpec(specPath.Child("template").Child("spec"), errors),
        },
    };
}
