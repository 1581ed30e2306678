using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl reading the events the SDK records: describe's Events section, get events, and selectors.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlEventsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task DescribePod_ShowsSchedulerAndKubeletEvents()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("described", replicas: 1));
        var pod = (await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pods", "-l", "app=described", "-o", "name"), r => r.Stdout.Trim().Length > 0, "a pod")).Stdout.Trim();

        var text = (await Poll.UntilAsync(() => Kubectl.RunAsync("describe", pod), r => r.Stdout.Contains("Started", StringComparison.Ordinal), "the Started event in describe")).Stdout;

        Assert.Matches(@"Events:\s+Type\s+Reason\s+Age\s+From\s+Message", text);
        Assert.Matches(@"Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default/described-\S+ to node-\d", text);
        Assert.Matches(@"Normal\s+Started\s+\S+\s+kubelet\s+Started container", text);
    }

    [Fact]
    public async Task DescribeDeployment_ShowsScalingReplicaSet()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("scaling", replicas: 2));

        var text = (await Poll.UntilAsync(() => Kubectl.RunAsync("describe", "deployment", "scaling"), r => r.Stdout.Contains("ScalingReplicaSet", StringComparison.Ordinal), "ScalingReplicaSet in describe")).Stdout;

        Assert.Matches(@"Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set scaling-\S+ from 0 to 2", text);
    }

    [Fact]
    public async Task DescribeService_ShowsOnlyItsOwnEvents()
    {
        (await Kubectl.RunAsync("create", "service", "clusterip", "front", "--tcp=80:8080")).Succeeded();
        var service = (await host.Client.GetAsync<Service>("front"))!;
        await host.Services.GetRequiredService<IResourceClient>().CreateAsync(ServiceEvent("front-1", service, "SyncLoadBalancer", "about this service"));
        await host.Services.GetRequiredService<IResourceClient>().CreateAsync(ServiceEvent("other-1", service with { Metadata = service.Metadata with { Name = "other", Uid = "other-uid" } }, "Elsewhere", "about another service"));

        var text = (await Kubectl.RunAsync("describe", "service", "front")).Succeeded().Stdout;

        Assert.Matches(@"Normal\s+SyncLoadBalancer\s+\S+\s+service-controller\s+about this service", text);
        Assert.DoesNotContain("Elsewhere", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeNode_ShowsTheEventsSection()
    {
        var text = (await Kubectl.RunAsync("describe", "node", "node-1")).Succeeded().Stdout;

        Assert.Matches(@"Events:\s+(<none>|Type\s+Reason)", text);
        Assert.DoesNotMatch(@"Events:\s+Type[\s\S]*Scheduled", text);
    }

    [Fact]
    public async Task GetEvents_PrintsTheClusterTableAndFiltersByField()
    {
        await host.Client.ApplyAsync(AppObjects.Deployment("listed", replicas: 1));
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "events"), r => r.Stdout.Contains("deployment/listed", StringComparison.Ordinal), "the deployment's event");

        var table = (await Kubectl.RunAsync("get", "events")).Succeeded().Stdout;
        var selected = (await Kubectl.RunAsync("get", "events", "--field-selector", "involvedObject.kind=Deployment,involvedObject.name=listed,reason=ScalingReplicaSet", "-o", "name")).Succeeded().Stdout;
        var warnings = (await Kubectl.RunAsync("get", "events", "--field-selector", "type=Warning,involvedObject.name=listed", "-o", "name")).Succeeded().Stdout;
        var eventsApi = (await Kubectl.RunAsync("get", "events.v1.events.k8s.io", "--field-selector", "regarding.name=listed", "-o", "jsonpath={.items[0].note}")).Succeeded().Stdout;

        Assert.Matches(@"LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE", table);
        Assert.Matches(@"\S+\s+Normal\s+ScalingReplicaSet\s+deployment/listed\s+Scaled up replica set listed-\S+ from 0 to 1", table);
        Assert.Single(selected.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("event/listed.", selected, StringComparison.Ordinal);
        Assert.Equal(string.Empty, warnings.Trim());
        Assert.StartsWith("Scaled up replica set listed-", eventsApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvents_UnknownFieldSelector_IsABadRequest()
    {
        var result = await Kubectl.RunAsync("get", "events", "--field-selector", "spec.nodeName=node-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("field label not supported: spec.nodeName", result.Stderr, StringComparison.Ordinal);
    }

    private static Event ServiceEvent(string name, Service service, string reason, string message) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        InvolvedObject = new ObjectReference { Kind = Service.KindName, Namespace = "default", Name = service.Metadata.Name, Uid = service.Metadata.Uid },
        Reason = reason,
        Message = message,
        Source = new EventSource("service-controller"),
        FirstTimestamp = DateTimeOffset.UtcNow,
        LastTimestamp = DateTimeOffset.UtcNow,
    };
}
