namespace Orchestration.Sdk.Client;

/// <summary>Where a deployment's rollout stands, in kubectl's words.</summary>
/// <param name="IsComplete">Every replica runs the current template and is available.</param>
/// <param name="IsFailed">The rollout exceeded its progress deadline.</param>
/// <param name="Message">kubectl's text: "Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...", "deployment "web" successfully rolled out", ….</param>
public sealed record RolloutStatus(bool IsComplete, bool IsFailed, string Message);
