using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Tests.Networking;

public class ServiceEnvironmentTests
{
    [Fact]
    public void FromServices_TwoPorts_KubeletVariables()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "redis-master" },
            Spec = new ServiceSpec
            {
                ClusterIP = "10.0.0.11",
                Ports = [new ServicePort { Port = 6379 }, new ServicePort { Port = 16379, Name = "cluster-bus" }],
            },
        };

        var env = ServiceEnvironment.FromServices([service]).Select(e => $"{e.Name}={e.Value}").ToList();

        Assert.Equal(
            [
                "REDIS_MASTER_SERVICE_HOST=10.0.0.11",
                "REDIS_MASTER_SERVICE_PORT=6379",
                "REDIS_MASTER_SERVICE_PORT_CLUSTER_BUS=16379",
                "REDIS_MASTER_PORT=tcp://10.0.0.11:6379",
                "REDIS_MASTER_PORT_6379_TCP=tcp://10.0.0.11:6379",
                "REDIS_MASTER_PORT_6379_TCP_PROTO=tcp",
                "REDIS_MASTER_PORT_6379_TCP_PORT=6379",
                "REDIS_MASTER_PORT_6379_TCP_ADDR=10.0.0.11",
                "REDIS_MASTER_PORT_16379_TCP=tcp://10.0.0.11:16379",
                "REDIS_MASTER_PORT_16379_TCP_PROTO=tcp",
                "REDIS_MASTER_PORT_16379_TCP_PORT=16379",
                "REDIS_MASTER_PORT_16379_TCP_ADDR=10.0.0.11",
            ],
            env);
    }

    [Fact]
    public void FromServices_NoClusterIP_Skipped()
    {
        var service = new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Ports = [new ServicePort { Port = 80 }] } };

        Assert.Empty(ServiceEnvironment.FromServices([service]));
    }

    [Fact]
    public async Task StartedContainer_ServiceExistedBefore_GetsServiceVariablesAndOwnEnvWins()
    {
        await using var c = await ServiceCluster.StartAsync(app =>
        {
            var web = app.AddDeployment("web").WithImage("web:1").WithPort(8080);
            app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        });
        await c.Cluster.WaitUntilAsync("web has a cluster IP", _ => c.Service("web")?.Spec.ClusterIP is not null);
        var clusterIP = c.Service("web")!.Spec.ClusterIP!;

        // A worker created after the service exists sees it (a container only sees services that exist when it starts).
        var worker = new AppDeclaration();
        worker.AddDeployment("worker").WithImage("worker:1").WithEnvironment("WEB_SERVICE_PORT", "override");
        await c.Cluster.Client.ApplyAsync(worker);
        await c.Cluster.WaitForReadyReplicasAsync("worker", 1);
        var pod = c.Cluster.Pods("worker")[0];

        var request = c.Cluster.Nodes[pod.Spec.NodeName!].FindCreateRequest(pod.Metadata.Name, "worker")!;

        Assert.Equal(clusterIP, request.Environment["WEB_SERVICE_HOST"]);
        Assert.Equal("override", request.Environment["WEB_SERVICE_PORT"]);
        Assert.Equal($"tcp://{clusterIP}:80", request.Environment["WEB_PORT"]);
        Assert.Equal($"tcp://{clusterIP}:80", request.Environment["WEB_PORT_80_TCP"]);
        Assert.Equal("80", request.Environment["WEB_PORT_80_TCP_PORT"]);
        Assert.Equal(clusterIP, request.Environment["WEB_PORT_80_TCP_ADDR"]);
    }
}
