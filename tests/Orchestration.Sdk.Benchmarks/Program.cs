using Orchestration.Sdk.Benchmarks;
using Orchestration.Sdk.Benchmarks.Docker;
using Orchestration.Sdk.Benchmarks.Scheduling;

// Each benchmark is a subcommand in its own folder; add yours to this list.
IBenchmarkCommand[] commands =
[
    new SchedulingBenchmark(),
    new DockerBenchmark(),
    new ProxyBenchmark(),
    new RolloutBenchmark(),
    new EnginesBenchmark(),
    new Orchestration.Sdk.Benchmarks.KubeApi.KubeApiBenchmark(),
    new Orchestration.Sdk.Benchmarks.Store.StoreWritesBenchmark(),
    new Orchestration.Sdk.Benchmarks.Chaos.ChaosBenchmark(),
    new Orchestration.Sdk.Benchmarks.Converge.ConvergeBenchmark(),
    new Orchestration.Sdk.Benchmarks.Converge.TestClusterBenchmark(),
];

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Orchestration.Sdk.Benchmarks -- <benchmark> [options]");
    foreach (var c in commands)
    {
        Console.Error.WriteLine($"  {c.Name,-12} {c.Usage}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return await command.RunAsync(new BenchmarkArguments(args.Skip(1)), cancel.Token);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
