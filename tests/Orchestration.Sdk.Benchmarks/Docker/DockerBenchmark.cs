using System.Globalization;
using Orchestration.Sdk.Docker;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// <c>docker --containers 20</c>: deploys N single-container pods through the SDK on the Docker engine and, in the same
/// run, creates and starts N containers with raw Docker.DotNet calls at the same parallelism (all at once); then kills
/// pod containers from outside and times until each replacement runs. Prints a table whose last line is
/// <c>sdk/raw: &lt;ratio&gt;</c>.
/// </summary>
internal sealed class DockerBenchmark : IBenchmarkCommand
{
    public string Name => "docker";

    public string Usage => "--containers 20 [--kills 10] [--endpoint unix:///var/run/docker.sock]";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var containers = arguments.Int("containers", 20);
        var kills = Math.Min(arguments.Int("kills", 10), containers);
        var endpoint = arguments.String("endpoint");
        if (containers <= 0)
        {
            throw new ArgumentException("--containers must be positive");
        }

        var uri = DockerEndpoint.Resolve(endpoint);
        Console.WriteLine($"engine {uri}; building {BenchImage.Name} and the pause image (not measured)");
        await BenchImage.EnsureAsync(endpoint, cancellationToken);

        Console.WriteLine("warm-up: 2 raw containers and 2 pods (not measured)");
        await RawDockerRound.RunAsync(uri, 2, cancellationToken);
        await using var sdk = await SdkDockerRound.StartAsync(endpoint, cancellationToken);
        await sdk.DeployAsync("warmup", 2, cancellationToken);
        await sdk.Client.ScaleAsync("warmup", 0, cancellationToken: cancellationToken);
        await sdk.WaitAsync(s => s.Runtime.ListContainersAsync(new Dictionary<string, string>(), cancellationToken), c => c.Count == 0, TimeSpan.FromMinutes(1), cancellationToken);

        Console.WriteLine($"measuring: {containers} containers raw, {containers} pods through the SDK");
        var raw = await RawDockerRound.RunAsync(uri, containers, cancellationToken);
        var deployed = await sdk.DeployAsync("bench", containers, cancellationToken);

        Console.WriteLine($"measuring: {kills} external kills, each until the replacement container runs");
        var recoveries = await KillRecovery.MeasureAsync(sdk, "bench", kills, cancellationToken);

        var inv = CultureInfo.InvariantCulture;
        var ratio = deployed.TotalSeconds / raw.TotalSeconds;
        new ResultTable()
            .Add("containers", containers.ToString(inv))
            .Add("raw create+start, all at once (s)", raw.TotalSeconds.ToString("0.000", inv))
            .Add("sdk deploy until all pods Running (s)", deployed.TotalSeconds.ToString("0.000", inv))
            .Add("sdk engine containers (sandbox + app)", (containers * 2).ToString(inv))
            .Add("kills measured", recoveries.Length.ToString(inv))
            .Add("kill -> replacement running, median (ms)", Median(recoveries).ToString("0", inv))
            .Add("kill -> replacement running, min (ms)", (recoveries.Length == 0 ? double.NaN : recoveries.Min()).ToString("0", inv))
            .Add("kill -> replacement running, max (ms)", (recoveries.Length == 0 ? double.NaN : recoveries.Max()).ToString("0", inv))
            .Print(Console.Out);
        Console.WriteLine($"kill->running median ms: {Median(recoveries).ToString("0", inv)}");
        Console.WriteLine($"sdk/raw: {ratio.ToString("0.00", inv)}");
        return recoveries.Length == kills ? 0 : 1;
    }

    private static double Median(double[] samples)
    {
        if (samples.Length == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
