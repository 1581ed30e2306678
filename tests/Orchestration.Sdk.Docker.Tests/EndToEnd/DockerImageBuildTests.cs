using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Sdk.Docker.Tests.Support;

namespace Orchestration.Sdk.Docker.Tests.EndToEnd;

/// <summary><c>WithImageBuiltFrom(path)</c>: a missing image is built from its local Dockerfile instead of pulled.</summary>
public sealed class DockerImageBuildTests
{
    [DockerFact]
    public async Task WithImageBuiltFrom_ImageMissing_BuiltOnceAndReplicasRun()
    {
        var tag = TestImage.AppPrefix + "built-" + Guid.NewGuid().ToString("N")[..10] + ":1";
        var context = Directory.CreateTempSubdirectory("orchestration-built-image-");
        try
        {
            File.Copy(new DockerRuntimeOptions().BusyboxPath, Path.Combine(context.FullName, "busybox"));
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n");
            await using var orchestrator = await DockerOrchestrator.StartAsync(app => app.AddDeployment("built")
                .WithImage(tag)
                .WithImageBuiltFrom(context.FullName)
                .WithCommand("/bin/busybox", "sleep", "600")
                .WithReplicas(2));
            try
            {
                await orchestrator.WaitForPodsAsync("2 pods of the built image run", p => DockerOrchestrator.AllRunning(p, 2));

                var containers = await orchestrator.ContainersAsync();
                Assert.Equal(2, containers.Count);
                Assert.All(containers, c => Assert.Equal(tag, c.Image));
                var images = await orchestrator.Runtime.Client.Images.ListImagesAsync(new ImagesListParameters
                {
                    Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [tag] = true } },
                });
                Assert.Single(images);
            }
            finally
            {
                await orchestrator.DisposeAsync();
                using var client = new DockerClientBuilder().WithEndpoint(DockerEnvironment.Endpoint).Build();
                await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true });
            }
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }
}
