using System.Diagnostics;
using Orchestration.Sdk.Docker.Tests.Support;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Runtime;

public sealed class DockerImageTests
{
    [DockerFact]
    public async Task CreateContainer_ImageMissingAndUnpullable_FailsFastWithErrImagePull()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var sandbox = await test.RunSandboxAsync("shop");
        var request = test.Request(sandbox, "web") with { Image = "shop-web:2" };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => test.Runtime.CreateContainerAsync(request, CancellationToken.None));

        Assert.Equal("ErrImagePull", error.Reason);
        Assert.StartsWith("image shop-web:2 not found locally and could not be pulled: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > "image shop-web:2 not found locally and could not be pulled: ".Length + 5, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [DockerFact]
    public async Task CreateContainer_PullPolicyNeverAndImageMissing_FailsWithErrImageNeverPull()
    {
        await using var test = await DockerTestRuntime.CreateAsync(o => o.PullPolicy = ImagePullPolicy.Never);
        var sandbox = await test.RunSandboxAsync("offline");

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(
            () => test.Runtime.CreateContainerAsync(test.Request(sandbox, "web") with { Image = "shop-web:2" }, CancellationToken.None));

        Assert.Equal("ErrImageNeverPull", error.Reason);
        Assert.Equal("Container image \"shop-web:2\" is not present with pull policy of Never", error.Message);
    }

    [DockerFact]
    public async Task CreateContainer_PullPolicyAlwaysWithoutRegistry_FailsEvenWhenPresentLocally()
    {
        await using var test = await DockerTestRuntime.CreateAsync(o => o.PullPolicy = ImagePullPolicy.Always);
        var sandbox = await test.RunSandboxAsync("strict");

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(
            () => test.Runtime.CreateContainerAsync(test.Request(sandbox, "web"), CancellationToken.None));

        Assert.Equal("ErrImagePull", error.Reason);
        Assert.StartsWith($"image {TestImage.Name} could not be pulled: ", error.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task BuildAsync_DirectoryWithDockerfile_ProducesRunnableImage()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var context = Directory.CreateTempSubdirectory("orchestration-build-");
        var tag = $"orchestration-test/built-{test.AppName}:1";
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "greeting.txt"), "built in-process\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {TestImage.Name}\nCOPY greeting.txt /www/\nCMD [\"cat\", \"/www/greeting.txt\"]\n");

            var imageId = await test.Runtime.ImageBuildClient.BuildAsync(context.FullName, tag, CancellationToken.None);

            Assert.StartsWith("sha256:", imageId, StringComparison.Ordinal);
            var sandbox = await test.RunSandboxAsync("built");
            var id = await test.RunAsync(test.Request(sandbox, "app") with { Image = tag });
            await test.WaitForExitAsync(id);
            Assert.Equal("built in-process\n", await test.Runtime.GetLogsAsync(id, CancellationToken.None));
        }
        finally
        {
            context.Delete(recursive: true);
            await test.Runtime.Client.Images.DeleteImageAsync(tag, new() { Force = true }, CancellationToken.None);
        }
    }

    [DockerFact]
    public async Task BuildAsync_InvalidDockerfile_ThrowsImageBuildErrorWithEngineMessage()
    {
        await using var test = await DockerTestRuntime.CreateAsync();
        var context = Directory.CreateTempSubdirectory("orchestration-build-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {TestImage.Name}\nCOPY missing.txt /\n");

            var error = await Assert.ThrowsAsync<ContainerRuntimeException>(
                () => test.Runtime.ImageBuildClient.BuildAsync(context.FullName, "orchestration-test/broken:1", CancellationToken.None));

            Assert.Equal("ImageBuildError", error.Reason);
            Assert.Contains("missing.txt", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BuildAsync_NoDockerfile_ThrowsNamingThePath()
    {
        var options = new DockerRuntimeOptions
        {
            AppName = "dt-nodockerfile",
            Endpoint = "unix:///nonexistent/docker.sock",
            Lifetime = DockerLifetime.Persistent,
        };
        await using var runtime = new DockerContainerRuntime(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var context = Directory.CreateTempSubdirectory("orchestration-build-");
        try
        {
            var error = await Assert.ThrowsAsync<ContainerRuntimeException>(
                () => runtime.ImageBuildClient.BuildAsync(context.FullName, "x:1", CancellationToken.None));

            Assert.Contains(Path.Combine(context.FullName, "Dockerfile"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }
}
