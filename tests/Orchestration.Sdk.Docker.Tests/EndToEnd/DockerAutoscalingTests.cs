using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary>The horizontal pod autoscaler on real engine statistics.</summary>
public sealed class DockerAutoscalingTests
{
    [DockerFact]
    public async Task CpuBurningDeployment_EngineStats_AutoscalerScalesUpAndSaysCpu()
    {
        // Each burner is limited to 200m against a 100m request: ~200 % of request, far above the 50 % target,
        // while the whole test burns at most 0.6 of the machine's cores.
        await using var orchestrator = await DockerOrchestrator.StartAsync(
            app =>
            {
                var burner = app.AddDeployment("burner")
                    .WithImage(TestImage.Name)
                    .WithCommand("/bin/sh", "-c", "while :; do :; done")
                    .WithResources(cpu: "100m", memory: "16Mi", cpuLimit: "200m", memoryLimit: "32Mi")
                    .WithTerminationGracePeriod(TimeSpan.FromSeconds(1));
                app.AddAutoscaler("burner").Scaling(burner).WithReplicas(min: 1, max: 3).WithCpuUtilization(50);
            },
            services: s => s.Configure<AutoscalerOptions>(o => o.SyncPeriod = TimeSpan.FromSeconds(1)));

        var hpa = await WaitForAsync(
            orchestrator,
            "the autoscaler scales the burner up",
            h => h.Status.LastScaleReason is not null && h.Status.DesiredReplicas > 1,
            TimeSpan.FromSeconds(60));

        var reason = Regex.Match(hpa.Status.LastScaleReason!, @"^scaled burner from 1 to [23]: cpu (\d+)% of target 50%$");
        Assert.True(reason.Success, hpa.Status.LastScaleReason);
        var utilization = int.Parse(reason.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(utilization > 55, $"the decision's cpu utilization {utilization}% is above the tolerance band"); // read from engine stats
        var deployment = await orchestrator.Client.GetAsync<Deployment>("burner");
        Assert.True(deployment!.Spec.Replicas > 1, $"replicas {deployment.Spec.Replicas}");
        await orchestrator.WaitForPodsAsync("the new burners are created", p => p.Count > 1, TimeSpan.FromSeconds(30));
    }

    private static async Task<HorizontalPodAutoscaler> WaitForAsync(
        DockerOrchestrator orchestrator, string description, Func<HorizontalPodAutoscaler, bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        HorizontalPodAutoscaler? hpa = null;
        while (!limit.IsCancellationRequested)
        {
            hpa = await orchestrator.Client.GetAsync<HorizontalPodAutoscaler>("burner");
            if (hpa is not null && condition(hpa))
            {
                return hpa;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        var conditions = hpa is null ? "none" : string.Join("; ", hpa.Status.Conditions.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}"));
        throw new TimeoutException(
            $"timed out waiting until {description}; last status: desired={hpa?.Status.DesiredReplicas} metrics="
            + string.Join(",", hpa?.Status.CurrentMetrics.Select(m => $"{m.Name}={m.AverageUtilization}%") ?? [])
            + $" conditions: {conditions}\npods:\n" + DockerOrchestrator.Describe(await orchestrator.PodsAsync()));
    }
}
