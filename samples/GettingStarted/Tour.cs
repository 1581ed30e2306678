using Orchestration.Sdk.Client;
using Orchestration.Sdk.Model;

namespace GettingStarted;

/// <summary>What the sample shows on either runtime: everything running, a crash healed, web scaled up and down.</summary>
internal static class Tour
{
    /// <param name="client">The orchestration client.</param>
    /// <param name="crash">Crashes the web container of a pod and says how.</param>
    /// <param name="scaleUpTo">How many web replicas to scale up to.</param>
    public static async Task RunAsync(IOrchestrationClient client, Func<Pod, Task> crash, int scaleUpTo)
    {
        var show = new ClusterView(client);
        await show.WaitForReadyAsync(("web", 3), ("worker", 1), ("db", 1), ("cache", 1));
        await show.PodsAsync("Every pod scheduled and running:");

        // The node agent learns of the exit from the runtime's event stream and restarts the container
        // (restart policy Always; the first restart is immediate).
        var victim = (await show.PodsOfAsync("web"))[0];
        await crash(victim);
        await show.WaitForRestartAsync(victim.Metadata.Name);
        await show.PodsAsync("Restarted:");

        ClusterView.Say($"Scaling web to {scaleUpTo} replicas...");
        await client.ScaleAsync("web", scaleUpTo);
        await show.WaitForReadyAsync(("web", scaleUpTo));
        await show.PodsAsync($"web at {scaleUpTo}:", app: "web");

        ClusterView.Say("Scaling web down to 2 replicas...");
        await client.ScaleAsync("web", 2);
        await show.WaitForReadyAsync(("web", 2));
        await show.PodsAsync("web at 2:", app: "web");
    }
}
