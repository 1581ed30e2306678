namespace Orchestration.Sdk.Autoscaling;

/// <summary>The outcome of <see cref="ScaleNormalizer.Normalize"/>: the replica count and the condition reasons.</summary>
internal readonly record struct Normalized(int Replicas, string AbleReason, string AbleMessage, bool Limited, string LimitReason, string LimitMessage);
