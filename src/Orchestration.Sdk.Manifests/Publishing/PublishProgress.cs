namespace Orchestration.Sdk.Manifests.Publishing;

/// <summary>One step of a publish, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">What happened.</param>
/// <param name="Kind">The object's kind (<c>Deployment</c>).</param>
/// <param name="Name">The object's name.</param>
/// <param name="Message">In words, as kubectl prints it: <c>deployment "web" successfully rolled out</c>, <c>Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...</c>.</param>
public sealed record PublishProgress(PublishStage Stage, string Kind, string Name, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
