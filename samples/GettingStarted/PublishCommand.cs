using System.CommandLine;
using Orchestration.Sdk;
using Orchestration.Sdk.Manifests.Publishing;

namespace GettingStarted;

/// <summary>
/// <c>dotnet run --project samples/GettingStarted -- publish --kubeconfig &lt;file&gt;</c>: applies the sample's
/// declaration to the cluster the kubeconfig names (server-side apply, prune, wait for the rollouts).
/// </summary>
internal static class PublishCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kubeconfig = new Option<FileInfo>("--kubeconfig") { Description = "The kubeconfig of the cluster.", Required = true };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context (default: its current context)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the rollouts.", DefaultValueFactory = _ => 300 };
        var command = new Command("publish", "Publishes the sample's declaration to a Kubernetes cluster.") { kubeconfig, context, timeout };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var password = Environment.GetEnvironmentVariable("SHOP_DB_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                password = "demo-" + Guid.NewGuid().ToString("N")[..12];
                ClusterView.Say("SHOP_DB_PASSWORD is not set: the db-credentials Secret gets a generated password.");
            }

            var app = new AppDeclaration();
            ShopDeclaration.Declare(app, password);
            var options = new ManifestPublishOptions
            {
                AppName = "getting-started",
                Context = parsed.GetValue(context),
                RolloutTimeout = TimeSpan.FromSeconds(parsed.GetValue(timeout)),
            };
            var result = await ManifestPublisher.PublishAsync(app, parsed.GetValue(kubeconfig)!.FullName, options, new ConsoleProgress(), cancellationToken);
            ClusterView.Say($"Published: {result.Applied.Count} applied, {result.Pruned.Count} pruned, {result.RolledOut.Count} rolled out.");
            return 0;
        });
        var root = new RootCommand("Getting started") { command };
        return await root.Parse(["publish", .. args]).InvokeAsync();
    }

    private sealed class ConsoleProgress : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => ClusterView.Say(value.Message);
    }
}
