using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Controllers.NodeLifecycle;
using Orchestration.Sdk.Docker;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>
/// <c>engines --pods 12</c>: on the extra engines of <c>scripts/engines.sh up 3</c> (ORCHESTRATION_TEST_ENGINES), the
/// start rate of a deployment on one engine and on three, in the same run (pods/s and their ratio); then, on the
/// three-engine host, engine 3's daemon is stopped and timed until its node is NotReady and until every pod is Running
/// on the other two (toleration 0 s, so after the grace period the figure is the SDK's own cost). Engine 3 is started
/// again at the end.
/// </summary>
internal sealed class EnginesBenchmark : IBenchmarkCommand
{
    private const string BridgeAddress = "10.250.0.1";

    public string Name => "engines";

    public string Usage => "[--pods 12] [--grace-seconds 4] (engines from ORCHESTRATION_TEST_ENGINES; scripts/engines.sh up 3)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var pods = arguments.Int("pods", 12);
        var grace = TimeSpan.FromSeconds(arguments.Int("grace-seconds", 4));
        var endpoints = (Environment.GetEnvironmentVariable("ORCHESTRATION_TEST_ENGINES") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (endpoints.Length < 3 || pods <= 0)
        {
            throw new ArgumentException("needs three engines in ORCHESTRATION_TEST_ENGINES (sudo scripts/engines.sh up 3; export \"$(scripts/engines.sh env 3)\") and --pods > 0");
        }

        Console.WriteLine($"building {BenchImage.Name} on the three engines (not measured)");
        foreach (var endpoint in endpoints.Take(3))
        {
            await BenchImage.EnsureAsync(endpoint, cancellationToken);
        }

        var (one, _) = await StartRateAsync(endpoints, 1, pods, grace, cancellationToken, keep: false);
        var (three, sdk) = await StartRateAsync(endpoints, 3, pods, grace, cancellationToken, keep: true);
        TimeSpan notReady, moved;
        await using (sdk)
        {
            Console.WriteLine("measuring: engine 3's daemon stopped (scripts/engines.sh stop 3)");
            (notReady, moved) = await EngineDeathAsync(sdk!, pods, cancellationToken);
        }

        await EnginesScript("start", 3, cancellationToken);
        var inv = CultureInfo.InvariantCulture;
        new ResultTable()
            .Add("pods per deployment", pods.ToString(inv))
            .Add("1 engine: pods/s", one.ToString("0.00", inv))
            .Add("3 engines: pods/s", three.ToString("0.00", inv))
            .Add("ratio 3 engines / 1 engine", (three / one).ToString("0.00", inv))
            .Add("node grace period (s)", grace.TotalSeconds.ToString("0", inv))
            .Add("engine death -> node NotReady (s)", notReady.TotalSeconds.ToString("0.00", inv))
            .Add("engine death -> all pods Running elsewhere (s)", moved.TotalSeconds.ToString("0.00", inv))
            .Add("NotReady -> all pods Running elsewhere (s)", (moved - notReady).TotalSeconds.ToString("0.00", inv))
            .Print(Console.Out);
        return 0;
    }

    private static async Task<(double Rate, SdkDockerRound? Host)> StartRateAsync(
        string[] endpoints, int engines, int pods, TimeSpan grace, CancellationToken cancellationToken, bool keep)
    {
        var sdk = await SdkDockerRound.StartAsync(
            endpoints[0],
            cancellationToken,
            docker: o =>
            {
                o.ServiceAddress = BridgeAddress;
                o.HealthCheckTimeout = TimeSpan.FromSeconds(1);
                for (var i = 1; i <= engines; i++)
                {
                    o.AddEngine("e" + i.ToString(CultureInfo.InvariantCulture), endpoints[i - 1]);
                }
            },
            configure: s =>
            {
                s.Configure<NodeAgentOptions>(o => o.HeartbeatInterval = TimeSpan.FromSeconds(1));
                s.Configure<NodeLifecycleOptions>(o =>
                {
                    o.MonitorPeriod = TimeSpan.FromMilliseconds(500);
                    o.NodeMonitorGracePeriod = grace;
                    o.DefaultTolerationSeconds = 0;
                });
            },
            nodes: engines);
        Console.WriteLine($"measuring: {pods} pods on {engines} engine(s)");
        var took = await sdk.DeployAsync("bench", pods, cancellationToken);
        var rate = pods / took.TotalSeconds;
        if (keep)
        {
            return (rate, sdk);
        }

        await sdk.DisposeAsync();
        return (rate, null);
    }

    private static async Task<(TimeSpan NotReady, TimeSpan Moved)> EngineDeathAsync(SdkDockerRound sdk, int pods, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stop = EnginesScript("stop", 3, cancellationToken);
        await sdk.WaitAsync(s => s.Client.GetAsync<Node>("e3", cancellationToken: cancellationToken), n => n?.Status.IsReady == false, TimeSpan.FromMinutes(2), cancellationToken);
        var notReady = clock.Elapsed;
        await sdk.WaitAsync(
            s => s.Client.ListAsync<Pod>(cancellationToken: cancellationToken),
            all => all.Count(p => p.Spec.NodeName != "e3" && p.Metadata.DeletionTimestamp is null && p.Status.Phase == PodPhase.Running
                && p.Status.ContainerStatuses.All(c => c.State.Running is not null)) == pods,
            TimeSpan.FromMinutes(2),
            cancellationToken);
        var moved = clock.Elapsed;
        await stop;
        return (notReady, moved);
    }

    private static async Task EnginesScript(string verb, int engine, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "engines.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, engine.ToString(CultureInfo.InvariantCulture)]))!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"engines.sh {verb} {engine} exited {process.ExitCode}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestration.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Orchestration.Sdk.sln above {AppContext.BaseDirectory}");
    }
}
