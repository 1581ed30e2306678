namespace Orchestration.Sdk.Benchmarks;

/// <summary>One subcommand of the benchmark runner: <c>dotnet run -c Release -- &lt;name&gt; [options]</c>.</summary>
internal interface IBenchmarkCommand
{
    /// <summary>The first command-line argument that selects this benchmark.</summary>
    string Name { get; }

    /// <summary>One line for the usage text, options included.</summary>
    string Usage { get; }

    /// <summary>Runs the benchmark, prints its table, and returns the process exit code.</summary>
    Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken);
}
