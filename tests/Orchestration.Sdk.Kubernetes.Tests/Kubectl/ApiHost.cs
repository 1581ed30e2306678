using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kubernetes.Hosting;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>
/// An in-process host (in-memory runtime, 3 nodes, real clock: kubectl runs in real time) with the Kubernetes API on a
/// free loopback port and a kubeconfig in a temporary directory. One per test class.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string AdminToken = "admin-token-for-tests-0123456789";
    public const string ReadOnlyToken = "reader-token-for-tests-0123456789";

    private readonly string _dir = Directory.CreateTempSubdirectory("kapi-").FullName;
    private IHost? _host;

    public string KubeconfigPath => Path.Combine(_dir, "kubeconfig");

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public IOrchestrationClient Client => Services.GetRequiredService<IOrchestrationClient>();

    internal KubectlRunner Kubectl => new(KubeconfigPath, Path.Combine(_dir, "cache"));

    /// <summary>The store's history, small so that a test can make a version expire.</summary>
    public int HistoryCapacity { get; init; } = 50_000;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.Configure<StoreOptions>(o => o.HistoryCapacity = HistoryCapacity);
        builder.Services.AddOrchestration()
            .UseInMemoryRuntime(nodes =>
            {
                nodes.Add("node-1");
                nodes.Add("node-2");
                nodes.Add("node-3");
            })
            .WithKubernetesApi(o =>
            {
                o.Port = 0;
                o.KubeconfigPath = KubeconfigPath;
                o.AdminToken = AdminToken;
                o.ReadOnlyToken = ReadOnlyToken;
                o.ContextName = "tests";
            });
        _host = builder.Build();
        await _host.StartAsync();
        Address = await _host.Services.GetRequiredService<IKubernetesApi>().WaitUntilListeningAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>Polls a condition in real time (kubectl and the server run on real time), saying what it last saw on timeout.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"{what} did not happen in {timeoutSeconds}s; last saw: {last}");
    }
}

/// <summary>All tests that drive kubectl or a client against a live host: one collection, run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class KubectlCollection
{
    public const string Name = "kubectl";
}
