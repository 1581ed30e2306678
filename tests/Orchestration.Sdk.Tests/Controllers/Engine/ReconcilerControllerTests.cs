using Orchestration.Sdk.Backoff;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.Tests.Kinds;

namespace Orchestration.Sdk.Tests.Controllers.Engine;

/// <summary>A user reconciler of a custom kind on the controllers' engine, on a fake clock.</summary>
public sealed class ReconcilerControllerTests
{
    private static readonly ObjectKey Web = ReconcilerHarness.WebKey;

    [Fact]
    public async Task RequeueAfter_ReconcilesAgainAfterExactlyThatFakeTime_NotBefore()
    {
        var delay = TimeSpan.FromSeconds(30);
        await using var h = new ReconcilerHarness((_, call) => call == 1 ? ReconcileResult.After(delay) : ReconcileResult.Done);
        h.Store.Create(ReconcilerHarness.NewWebsite());
        await h.WaitUntil("the first reconcile asked for a requeue", () => h.Calls == 1 && h.Controller.Queue.IsScheduled(Web));

        h.Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.True(h.Controller.Queue.IsScheduled(Web), "the requeue fired before its delay");
        Assert.Equal(1, h.Calls);

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await h.WaitUntil("the requeue reconciled again", () => h.Calls == 2);
        Assert.False(h.Controller.Queue.IsScheduled(Web));
    }

    [Fact]
    public async Task OrdinaryException_RetriedWithTheSharedExponentialBackoff_ThenForgotten()
    {
        const int failures = 3;
        await using var h = new ReconcilerHarness((_, call) => call <= failures ? throw new InvalidOperationException($"attempt {call} failed") : ReconcileResult.Done);
        var backoff = new ExponentialBackoff(ReconcilerHarness.Options.ErrorBackoffBase, ReconcilerHarness.Options.ErrorBackoffMax);
        h.Store.Create(ReconcilerHarness.NewWebsite());

        for (var attempt = 1; attempt <= failures; attempt++)
        {
            var n = attempt;
            await h.WaitUntil($"failure {n} scheduled a retry", () => h.Calls == n && h.Controller.Queue.IsScheduled(Web));
            Assert.Equal(n, h.Controller.Queue.Failures(Web));
            var expected = backoff.Delay(n);
            Assert.Equal(TimeSpan.FromSeconds(Math.Pow(2, n - 1)), expected); // 1 s, 2 s, 4 s

            h.Clock.Advance(expected - TimeSpan.FromMilliseconds(1));
            Assert.True(h.Controller.Queue.IsScheduled(Web), $"retry {n} fired before its backoff of {expected}");
            Assert.Equal(n, h.Calls);
            h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await h.WaitUntil("the successful reconcile cleared the failures", () => h.Calls == failures + 1 && h.Controller.Queue.Failures(Web) == 0);
        Assert.False(h.Controller.Queue.IsScheduled(Web));
    }

    [Fact]
    public async Task TerminalError_NotRetried_RecordedAsWarningEvent_NextChangeReconcilesAgain()
    {
        await using var h = new ReconcilerHarness((_, call) => call == 1 ? throw new TerminalReconcileException("image \"nginx:1\" is not allowed") : ReconcileResult.Done);
        var created = h.Store.Create(ReconcilerHarness.NewWebsite());
        await h.WaitUntil("the terminal error was recorded", () => h.Events.Recorded.Count == 1);

        var (key, type, reason, message) = h.Events.Recorded[0];
        Assert.Equal(Web, key);
        Assert.Equal(EventTypes.Warning, type);
        Assert.Equal(ReconcilerController<Website>.TerminalErrorReason, reason);
        Assert.Contains("image \"nginx:1\" is not allowed", message, StringComparison.Ordinal);
        Assert.False(h.Controller.Queue.IsScheduled(Web), "a terminal error was scheduled for a retry");
        Assert.Equal(0, h.Controller.Queue.Failures(Web));
        h.Clock.Advance(ReconcilerHarness.Options.ErrorBackoffMax * 2);
        Assert.Equal(1, h.Calls);
        Assert.Equal(0, h.Controller.Queue.Count);

        h.Store.Update(created with { Spec = created.Spec with { Image = "nginx:2" } });
        await h.WaitUntil("a spec change reconciled the object again", () => h.Calls == 2);
        Assert.Single(h.Events.Recorded);
    }

    [Fact]
    public async Task OwnedDeploymentChange_RequeuesItsControllingWebsite()
    {
        await using var h = new ReconcilerHarness((_, _) => ReconcileResult.Done);
        var site = h.Store.Create(ReconcilerHarness.NewWebsite());
        await h.WaitUntil("the website was reconciled", () => h.Calls == 1);

        var deployment = h.Store.Create(OwnedDeployment(site));
        await h.WaitUntil("creating the owned deployment requeued the website", () => h.Calls == 2);

        h.Store.Update(deployment with { Spec = deployment.Spec with { Replicas = 3 } });
        await h.WaitUntil("changing the owned deployment requeued the website", () => h.Calls == 3);
    }

    [Fact]
    public async Task DeleteWebsite_GarbageCollectsItsOwnedDeploymentAndService()
    {
        await using var h = new ReconcilerHarness((_, _) => ReconcileResult.Done);
        var site = h.Store.Create(ReconcilerHarness.NewWebsite());
        var deployment = h.Store.Create(OwnedDeployment(site));
        var service = h.Store.Create(OwnedService(site));
        var client = new ResourceClient(h.Store, h.Clock);

        await client.DeleteAsync(site.Key);

        await h.WaitUntil("the deployment and service were collected", () => h.Store.Get<Deployment>(deployment.Key) is null && h.Store.Get<Service>(service.Key) is null);
        Assert.Null(h.Store.Get<Website>(site.Key));
    }

    private static Deployment OwnedDeployment(Website site) => ControllerHarness.NewDeployment("web", 1) with
    {
        Metadata = new ObjectMeta { Name = "web", OwnerReferences = [new OwnerReference("Website", site.Metadata.Name, site.Metadata.Uid, Controller: true)] },
    };

    private static Service OwnedService(Website site) => new()
    {
        Metadata = new ObjectMeta { Name = "web", OwnerReferences = [new OwnerReference("Website", site.Metadata.Name, site.Metadata.Uid, Controller: true)] },
        Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new ServicePort { Port = 80 }] },
    };
}
