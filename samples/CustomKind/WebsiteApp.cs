using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Controllers.Engine;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Kinds.Custom;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace CustomKind;

/// <summary>
/// The sample's story on the in-memory runtime: register the Website kind and its reconciler, see an invalid website
/// refused, create one, print its status once ready, delete it and see its Deployment and Service garbage-collected.
/// </summary>
public static class WebsiteApp
{
    /// <summary>How long the sample waits for each step before giving up (exit code 1).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the sample.</summary>
    /// <param name="output">Where the sample prints its lines.</param>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>The exit code: 0 when every step happened, 1 when one timed out.</returns>
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOrchestration()
            .UseInMemoryRuntime(nodes => nodes.Add("node-1"))
            .AddKind(WebsiteJsonContext.Default.Website, kind => kind.Group("demo.example.com").ShortName("ws").Validate(Website.Validate))
            .AddReconciler<Website, WebsiteReconciler>(r => r.Owns<Deployment>().Owns<Service>());

        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var client = host.Services.GetRequiredService<IResourceClient>();
        try
        {
            try
            {
                await client.CreateAsync(NewWebsite("broken", "", replicas: -1), cancellationToken);
            }
            catch (DeclarationValidationException ex)
            {
                output.WriteLine($"Refused website broken: {string.Join("; ", ex.Errors)}");
            }

            var site = await client.CreateAsync(NewWebsite("shop", "nginx:1.27", replicas: 2), cancellationToken);
            output.WriteLine($"Created website shop ({site.Spec.Image}, {site.Spec.Replicas} replicas, port {site.Spec.Port})");

            var ready = await WaitAsync(
                () => client.GetAsync<Website>(site.Key, cancellationToken),
                w => w is { Status.ReadyReplicas: 2, Status.Url: not null },
                "website shop to be ready",
                cancellationToken);
            output.WriteLine($"Website shop is ready: {ready!.Status.ReadyReplicas}/{ready.Spec.Replicas} replicas at {ready.Status.Url}");
            var deployment = await client.GetAsync<Deployment>(new ObjectKey(Deployment.KindName, "default", "shop"), cancellationToken);
            var service = await client.GetAsync<Service>(new ObjectKey(Service.KindName, "default", "shop"), cancellationToken);
            output.WriteLine($"It owns deployment {deployment!.Metadata.Name} and service {service!.Metadata.Name} (controller: {deployment.Metadata.Controller!.Kind}/{deployment.Metadata.Controller.Name})");

            await client.DeleteAsync(site.Key, cancellationToken: cancellationToken);
            output.WriteLine("Deleted website shop");
            await WaitAsync(
                async () => await client.GetAsync<Deployment>(deployment.Key, cancellationToken) is null && await client.GetAsync<Service>(service.Key, cancellationToken) is null,
                gone => gone,
                "the deployment and service of shop to be garbage-collected",
                cancellationToken);
            output.WriteLine("Deployment shop and service shop were garbage-collected");
            return 0;
        }
        catch (TimeoutException ex)
        {
            output.WriteLine($"Failed: {ex.Message}");
            return 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static Website NewWebsite(string name, string image, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new WebsiteSpec(image, replicas, 8080),
    };

    /// <summary>Reads until the condition holds (a sample may poll; a test waits on store changes instead).</summary>
    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + StepTimeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {StepTimeout.TotalSeconds:0}s waiting for {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
