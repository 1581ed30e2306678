namespace Orchestration.Sdk.Autoscaling;

/// <summary>A metric could not produce a recommendation; the message says why, in Kubernetes' words.</summary>
internal sealed class ReplicaCalculationException : Exception
{
    public ReplicaCalculationException()
    {
    }

    public ReplicaCalculationException(string message)
        : base(message)
    {
    }

    public ReplicaCalculationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
