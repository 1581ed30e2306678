using Orchestration.Sdk.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Store;

public sealed class StorePersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orchestration-store-").FullName;

    private string StorePath => Path.Combine(_dir, "store.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Flush_ThenNewStore_RestoresObjectsVersionsAndUids()
    {
        var options = Options.Create(new StoreOptions { PersistencePath = StorePath });
        Pod saved;
        using (var store = new ResourceStore(TimeProvider.System, options))
        {
            saved = store.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = "a", Labels = new Dictionary<string, string> { ["app"] = "web" } },
                Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "x:1", Resources = new ResourceRequirements { Requests = new ResourceList { Cpu = "250m" } } }] },
            });
            store.UpdateStatus(saved with { Status = new PodStatus { Phase = PodPhase.Running, Conditions = [new Condition("Ready", ConditionStatus.True)] } });
        }

        using var reopened = new ResourceStore(TimeProvider.System, options);
        var pod = reopened.Get<Pod>(saved.Key)!;

        Assert.Equal(saved.Metadata.Uid, pod.Metadata.Uid);
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.True(pod.Status.IsReady);
        Assert.Equal("250m", pod.Spec.Containers[0].Resources.Requests.Cpu.ToString());
        Assert.Equal(2, reopened.Version);
        Assert.Throws<ConflictException>(() => reopened.Update(saved)); // versions survived: the stale copy conflicts
    }

    [Fact]
    public void TheStoreFile_IsOwnerOnly_AndAWorldReadableOneIsNarrowedOnOpen()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = Options.Create(new StoreOptions { PersistencePath = StorePath });
        using (var store = new ResourceStore(TimeProvider.System, options))
        {
            store.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "a" } });
            Assert.Equal(ownerOnly, File.GetUnixFileMode(StorePath)); // created 0600
            Assert.Equal(ownerOnly, File.GetUnixFileMode(StorePath + "-wal"));
        }

        // A file an older version left world-readable is narrowed when opened.
        File.SetUnixFileMode(StorePath, ownerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (var store = new ResourceStore(TimeProvider.System, options))
        {
            Assert.Equal(ownerOnly, File.GetUnixFileMode(StorePath));
            store.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "c" } });
            Assert.Equal(ownerOnly, File.GetUnixFileMode(StorePath));
        }
    }

    [Fact]
    public async Task HostRestart_WithSecret_ReusesTheOwnerOnlyKeyFileBesideTheStore()
    {
        var time = new FakeTimeProvider();
        var nodes = new InMemoryCluster(time);
        nodes.Add("n1");
        void Services(IServiceCollection s)
        {
            s.AddSingleton(nodes);
            s.Configure<StoreOptions>(o => o.PersistencePath = StorePath);
        }

        void App(AppDeclaration app) => app.AddSecret("s").WithValue("k", "v");
        await using (var first = await TestCluster.StartAsync(App, time: time, configureServices: Services))
        {
        }

        var keyFile = StorePath + ".key";
        Assert.True(File.Exists(keyFile), "a key file is created beside the store");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        var key = File.ReadAllText(keyFile);
        await using var second = await TestCluster.StartAsync(App, time: time, configureServices: Services);
        var secret = second.Services.GetRequiredService<ResourceStore>().Get<Secret>(new ObjectKey(Secret.KindName, "default", "s"))!;
        Assert.Equal("v", secret.Data["k"].GetString());
        Assert.Equal(key, File.ReadAllText(keyFile));
    }

    [Fact]
    public async Task HostRestart_WithAKeyThatCannotDecrypt_FailsClearlyAndLeavesContainersRunning()
    {
        var time = new FakeTimeProvider();
        var nodes = new InMemoryCluster(time);
        nodes.Add("n1");
        void Services(IServiceCollection s)
        {
            s.AddSingleton(nodes);
            s.Configure<StoreOptions>(o => o.PersistencePath = StorePath);
        }

        void App(AppDeclaration app)
        {
            app.AddSecret("s").WithValue("k", "v");
            app.AddDeployment("web").WithImage("web:1");
        }

        await using (var first = await TestCluster.StartAsync(App, time: time, configureServices: Services))
        {
            await first.WaitForReadyReplicasAsync("web", 1);
        }

        File.WriteAllText(StorePath + ".key", Convert.ToBase64String(new byte[32]) + "\n");
        var running = nodes.SimulatedNodes.Sum(n => n.Containers.Count(c => c.State == RuntimeContainerState.Running));

        var ex = await Assert.ThrowsAsync<OrchestrationException>(() => TestCluster.StartAsync(App, time: time, configureServices: Services));

        Assert.Contains("cannot start", ex.Message, StringComparison.Ordinal);
        Assert.Contains("default/s", ex.Message, StringComparison.Ordinal);
        Assert.Contains(StorePath, ex.Message, StringComparison.Ordinal);
        Assert.Equal(running, nodes.SimulatedNodes.Sum(n => n.Containers.Count(c => c.State == RuntimeContainerState.Running)));
    }

    [Fact]
    public void Open_CorruptFile_FailsNamingTheFile()
    {
        File.WriteAllText(StorePath, "{ not json");

        var ex = Assert.Throws<OrchestrationException>(() => new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions { PersistencePath = StorePath })));

        Assert.Contains(StorePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostRestart_WithPersistentStore_AdoptsRunningContainersWithoutRestarts()
    {
        var time = new FakeTimeProvider();
        var nodes = new InMemoryCluster(time);
        nodes.Add("n1");
        nodes.Add("n2");
        void Services(IServiceCollection s)
        {
            s.AddSingleton(nodes);
            s.Configure<StoreOptions>(o => o.PersistencePath = StorePath);
        }

        Dictionary<string, string?> before;
        await using (var first = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithReplicas(2), time: time, configureServices: Services))
        {
            await first.WaitForReadyReplicasAsync("web", 2);
            before = first.Pods("web").ToDictionary(p => p.Metadata.Uid, p => p.Status.ContainerStatuses[0].ContainerId);
        }

        await using var second = await TestCluster.StartAsync(app => app.AddDeployment("web").WithImage("web:1").WithReplicas(2), time: time, configureServices: Services);
        await second.WaitForReadyReplicasAsync("web", 2);

        var after = second.Pods("web").ToDictionary(p => p.Metadata.Uid, p => p.Status.ContainerStatuses[0].ContainerId);
        Assert.Equal(before, after);
        Assert.All(second.Pods("web"), p => Assert.Equal(0, p.Status.RestartCount));
        Assert.Equal(2, nodes.SimulatedNodes.Sum(n => n.Containers.Count(c => c.State == RuntimeContainerState.Running)));
    }
}

public sealed class StoreSnapshotTests
{
    [Fact]
    public async Task Snapshot_EveryKindOfARichApp_RoundTripsToIdenticalJson()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithReplicas(2).WithPort(8080, name: "http")
                .WithResources(cpu: "250m", memory: "256Mi").WithRollingUpdate("50%", "0");
            app.AddService("web").SelectingPodsOf(web).WithPort(80, "http");
            app.AddConfigMap("settings").WithValue("mode", "fast");
            app.AddSecret("creds").WithValue("password", "hunter2");
            app.AddAutoscaler("web").Scaling(web).WithReplicas(2, 5).WithCpuUtilization(70);
        }, time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 2);
        var store = cluster.Services.GetRequiredService<ResourceStore>();
        var objects = store.RawSnapshot(); // the cluster keeps writing: take the version from the snapshot itself
        var snapshotVersion = objects.Max(o => o.Metadata.ResourceVersion);

        var kinds = Orchestration.Sdk.Kinds.KindRegistry.CreateDefault();
        var bytes = StoreSnapshot.Write(snapshotVersion, objects, kinds);
        var (version, restored) = StoreSnapshot.Read(bytes, "memory", kinds);

        Assert.Equal(snapshotVersion, version);
        Assert.Equal(objects.Select(o => o.Kind).Distinct().Order(), restored.Select(o => o.Kind).Distinct().Order());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.UTF8.GetString(StoreSnapshot.Write(version, restored, kinds)));
        Assert.DoesNotContain("hunter2", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
