using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;
using Orchestration.Sdk.Store;
using Orchestration.Sdk.Testing;
using Orchestration.Sdk.Runtime.InMemory;

namespace Orchestration.Sdk.Tests.Configuration;

/// <summary>Containers consume ConfigMaps and Secrets on the in-memory cluster; missing references wait and then start.</summary>
public class ConfigConsumptionTests
{
    private const string Password = "hunter2-Pa55word";

    [Fact]
    public async Task Create_EnvAndFilesFromConfigMapAndSecret_ArriveInCreateRequest()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddSecret("db-credentials").WithValue("password", Password).WithValue("user", "shop");
            app.AddConfigMap("web-settings").WithValue("MODE", "prod").WithValue("Title", "Shop");
            app.AddDeployment("db").WithImage("postgres:16")
                .WithEnvironment("PLAIN", "1")
                .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password")
                .WithEnvironmentFromConfigMap("web-settings", prefix: "WEB_")
                .WithEnvironmentFromConfigMap("MODE", "web-settings", "MODE")
                .WithConfigMapFiles("web-settings", "/etc/web")
                .WithSecretFiles("db-credentials", "/run/secrets/");
        }, nodes: n => n.Add("node-1"), time: new FakeTimeProvider());

        await cluster.WaitForReadyReplicasAsync("db", 1);

        var pod = Assert.Single(cluster.Pods("db"));
        var node = cluster.Nodes["node-1"];
        var env = node.EnvironmentOf(pod.Metadata.Name, "db")!;
        Assert.Equal(Password, env["POSTGRES_PASSWORD"]);
        Assert.Equal("prod", env["WEB_MODE"]);
        Assert.Equal("Shop", env["WEB_Title"]);
        Assert.Equal("prod", env["MODE"]);
        Assert.Equal("1", env["PLAIN"]);
        var files = node.FilesOf(pod.Metadata.Name, "db")!.Select(f => (f.Path, Convert.ToString(f.Mode, 8), f.IsSecret, Encoding.UTF8.GetString(f.Content.Span))).ToList();
        Assert.Equal(
            [
                ("/etc/web/MODE", "644", false, "prod"),
                ("/etc/web/Title", "644", false, "Shop"),
                ("/run/secrets/password", "400", true, Password),
                ("/run/secrets/user", "400", true, "shop"),
            ],
            files);
        Assert.Equal(string.Empty, pod.Spec.Containers[0].Env.Single(e => e.Name == "POSTGRES_PASSWORD").Value);
    }

    [Fact]
    public async Task Create_MissingSecretThenKey_WaitsWithKubernetesMessageThenStarts()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("db").WithImage("postgres:16").WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password"),
            nodes: n => n.Add("node-1"),
            time: new FakeTimeProvider());

        await WaitForWaitingAsync(cluster, "db", "secret \"db-credentials\" not found");
        Assert.DoesNotContain(cluster.Nodes["node-1"].Containers, c => c.Labels[RuntimeLabels.ContainerName] == "db");

        await cluster.Client.ApplyAsync(NewSecret(("user", "shop")));
        await WaitForWaitingAsync(cluster, "db", "couldn't find key password in Secret default/db-credentials");

        var current = (await cluster.Client.GetAsync<Secret>("db-credentials"))!;
        await cluster.Client.ApplyAsync(current with { Data = new Dictionary<string, SecretValue> { ["password"] = SecretValue.FromString(Password) } });
        await cluster.WaitForReadyReplicasAsync("db", 1);

        var pod = Assert.Single(cluster.Pods("db"));
        Assert.Equal(Password, cluster.Nodes["node-1"].EnvironmentOf(pod.Metadata.Name, "db")!["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public async Task Create_MissingConfigMap_WaitsUntilCreated()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1").WithConfigMapFiles("web-settings", "/etc/web"),
            nodes: n => n.Add("node-1"),
            time: new FakeTimeProvider());

        await WaitForWaitingAsync(cluster, "web", "configmap \"web-settings\" not found");
        await cluster.Client.ApplyAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "web-settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } });

        await cluster.WaitForReadyReplicasAsync("web", 1);
    }

    [Fact]
    public async Task Create_OptionalMissingReferences_StartsWithoutThem()
    {
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddDeployment("web").WithImage("web:1")
                .WithEnvironmentFromSecret("TOKEN", "absent", "token", optional: true)
                .WithEnvironmentFromConfigMap("absent", "X_", optional: true)
                .WithSecretFiles("absent", "/run/secrets", optional: true),
            nodes: n => n.Add("node-1"),
            time: new FakeTimeProvider());

        await cluster.WaitForReadyReplicasAsync("web", 1);

        var pod = Assert.Single(cluster.Pods("web"));
        Assert.False(cluster.Nodes["node-1"].EnvironmentOf(pod.Metadata.Name, "web")!.ContainsKey("TOKEN"));
        Assert.Empty(cluster.Nodes["node-1"].FilesOf(pod.Metadata.Name, "web")!);
    }

    [Fact]
    public async Task Update_ConfigMap_ReachesFilesOfRunningContainer()
    {
        await using var cluster = await TestCluster.StartAsync(app =>
        {
            app.AddConfigMap("web-settings").WithValue("mode", "blue");
            app.AddDeployment("web").WithImage("web:1").WithConfigMapFiles("web-settings", "/etc/web");
        }, nodes: n => n.Add("node-1"), time: new FakeTimeProvider());
        await cluster.WaitForReadyReplicasAsync("web", 1);
        var pod = Assert.Single(cluster.Pods("web"));
        var containerId = cluster.Nodes["node-1"].FindContainer(pod.Metadata.Name, "web")!.Id;

        var current = (await cluster.Client.GetAsync<ConfigMap>("web-settings"))!;
        await cluster.Client.ApplyAsync(current with { Data = new Dictionary<string, string> { ["mode"] = "green", ["extra"] = "x" } });

        await cluster.WaitUntilAsync("the mounted file shows green", c =>
            c.Nodes["node-1"].FilesOf(pod.Metadata.Name, "web") is { } files &&
            files.Any(f => f.Path == "/etc/web/mode" && Encoding.UTF8.GetString(f.Content.Span) == "green") &&
            files.Any(f => f.Path == "/etc/web/extra"));
        Assert.Equal(containerId, cluster.Nodes["node-1"].FindContainer(pod.Metadata.Name, "web")!.Id);
    }

    [Fact]
    public async Task Run_WithErrors_LogsExceptionsStatusAndStoreHoldNoSecret()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await TestCluster.StartAsync(
            app =>
            {
                app.AddSecret("db-credentials").WithValue("user", Password + "-user");
                app.AddDeployment("db").WithImage("postgres:16")
                    .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password")
                    .WithSecretFiles("db-credentials", "/run/secrets");
            },
            nodes: n => n.Add("node-1"),
            time: time,
            configureServices: s => s.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true).AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)));
        await WaitForWaitingAsync(cluster, "db", "couldn't find key password in Secret default/db-credentials");

        var current = (await cluster.Client.GetAsync<Secret>("db-credentials"))!;
        await cluster.Client.ApplyAsync(current with { Data = new Dictionary<string, SecretValue> { ["password"] = SecretValue.FromString(Password), ["user"] = current.Data["user"] } });
        await cluster.WaitForReadyReplicasAsync("db", 1);
        var pod = Assert.Single(cluster.Pods("db"));
        cluster.Nodes["node-1"].CrashContainer(pod.Metadata.Name, "db", 3);
        cluster.Nodes["node-1"].FailNextCalls(InMemoryOperation.CreateContainer, 1, "RuntimeError", "create failed");
        await cluster.WaitUntilAsync("db restarted or waiting", c => c.Pods("db").Single().Status.ContainerStatuses.Single().RestartCount >= 1 || c.Pods("db").Single().Status.ContainerStatuses.Single().State.Waiting is not null);
        var wrongKeyError = Assert.ThrowsAny<Exception>(() => new SecretEncryptionTestsAccess(cluster).DecryptWithOtherKey());

        var logs = cluster.Services.GetFakeLogCollector().GetSnapshot();
        var everything = new StringBuilder();
        foreach (var record in logs)
        {
            everything.AppendLine(record.Message).AppendLine(record.Exception?.ToString());
        }

        everything.AppendLine(wrongKeyError.ToString());
        everything.AppendLine(cluster.Describe());
        everything.AppendLine(string.Join("\n", cluster.Pods().Select(p => p.ToString() + JsonSerializer.Serialize(p))));
        everything.AppendLine(JsonSerializer.Serialize(cluster.Services.GetRequiredService<ResourceStore>().RawSnapshot().Cast<object>().ToList()));
        everything.AppendLine((await cluster.Client.GetAsync<Secret>("db-credentials"))!.ToString());
        Assert.NotEmpty(logs);
        Assert.Contains(logs, r => r.Message.Contains("couldn't find key password", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, everything.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)), everything.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SecretNoConfiguredKeyDecrypts_WaitsWithDecryptionMessage()
    {
        var keys = new SwitchableKeys { Keys = [Orchestration.Sdk.Secrets.SecretEncryptionKey.CreateRandom("key1")] };
        await using var cluster = await TestCluster.StartAsync(
            app => app.AddSecret("db-credentials").WithValue("password", Password),
            nodes: n => n.Add("node-1"),
            time: new FakeTimeProvider(),
            configureServices: s => s.AddSingleton<Orchestration.Sdk.Secrets.ISecretKeyProvider>(keys));
        keys.Keys = [Orchestration.Sdk.Secrets.SecretEncryptionKey.CreateRandom("key2")];

        var app = new AppDeclaration();
        app.AddDeployment("db").WithImage("postgres:16").WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password");
        await cluster.Client.ApplyAsync(app);

        await WaitForWaitingAsync(cluster, "db", "secret default/db-credentials: no configured encryption key can decrypt key password (it was encrypted with key \"key1\")");
    }

    private static Secret NewSecret(params (string Key, string Value)[] data) => new()
    {
        Metadata = new ObjectMeta { Name = "db-credentials" },
        Data = data.ToDictionary(p => p.Key, p => SecretValue.FromString(p.Value)),
    };

    private static Task WaitForWaitingAsync(TestCluster cluster, string app, string message) =>
        cluster.WaitUntilAsync($"{app} waits with CreateContainerConfigError: {message}", c =>
            c.Pods(app).SingleOrDefault()?.Status.ContainerStatuses.SingleOrDefault()?.State.Waiting is { Reason: "CreateContainerConfigError" } w &&
            w.Message == message);

    /// <summary>Reads the stored secret with a key provider that does not hold the key, to produce a decryption error.</summary>
    private sealed class SecretEncryptionTestsAccess(TestCluster cluster)
    {
        public Secret DecryptWithOtherKey()
        {
            var raw = cluster.Services.GetRequiredService<ResourceStore>().RawSnapshot().OfType<Secret>().Single();
            var transformer = new Orchestration.Sdk.Secrets.AesGcmSecretTransformer(new OtherKeys());
            return (Secret)transformer.FromStored(raw);
        }
    }

    private sealed class OtherKeys : Orchestration.Sdk.Secrets.ISecretKeyProvider
    {
        public IReadOnlyList<Orchestration.Sdk.Secrets.SecretEncryptionKey> GetKeys() => [Orchestration.Sdk.Secrets.SecretEncryptionKey.CreateRandom("default")];
    }

    private sealed class SwitchableKeys : Orchestration.Sdk.Secrets.ISecretKeyProvider
    {
        public IReadOnlyList<Orchestration.Sdk.Secrets.SecretEncryptionKey> Keys { get; set; } = [];

        public IReadOnlyList<Orchestration.Sdk.Secrets.SecretEncryptionKey> GetKeys() => Keys;
    }
}
