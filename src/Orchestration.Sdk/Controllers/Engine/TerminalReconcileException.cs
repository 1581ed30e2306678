namespace Orchestration.Sdk.Controllers.Engine;

/// <summary>A reconcile failure that retrying cannot fix (as controller-runtime's TerminalError): it is logged and not requeued.</summary>
public sealed class TerminalReconcileException : OrchestrationException
{
    /// <summary>Initializes a new instance of the <see cref="TerminalReconcileException"/> class.</summary>
    public TerminalReconcileException()
        : this("terminal reconcile error")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TerminalReconcileException"/> class.</summary>
    /// <param name="message">Why the object cannot be reconciled.</param>
    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TerminalReconcileException"/> class.</summary>
    /// <param name="message">Why the object cannot be reconciled.</param>
    /// <param name="innerException">The cause.</param>
    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
