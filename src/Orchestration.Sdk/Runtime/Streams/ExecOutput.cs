namespace Orchestration.Sdk.Runtime.Streams;

/// <summary>One chunk of an exec session's output.</summary>
/// <param name="Stream">Where it came from.</param>
/// <param name="Count">How many bytes were read into the buffer; 0 at the end of the output.</param>
public readonly record struct ExecOutput(ExecOutputStream Stream, int Count);
