using Docker.DotNet.Models;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerContainerMapperTests
{
    [Theory]
    [InlineData("created", false, 0, RuntimeContainerState.Created, null)]
    [InlineData("running", true, 0, RuntimeContainerState.Running, null)]
    [InlineData("exited", false, 137, RuntimeContainerState.Exited, 137)]
    [InlineData("dead", false, 1, RuntimeContainerState.Exited, 1)]
    public void ToRuntimeContainer_EngineState_MapsStateAndExitCode(string status, bool running, long exitCode, RuntimeContainerState expected, int? expectedExit)
    {
        var mapped = DockerContainerMapper.ToRuntimeContainer(Inspect(status, running, exitCode));

        Assert.Equal(expected, mapped.State);
        Assert.Equal(expectedExit, mapped.ExitCode);
    }

    [Fact]
    public void ToRuntimeContainer_Times_ParsedAsUtcAndZeroTimeIsNull()
    {
        var inspect = Inspect("exited", false, 0);
        inspect.State!.StartedAt = "2026-11-24T19:00:00.1234567Z";
        inspect.State.FinishedAt = "0001-01-01T00:00:00Z";

        var mapped = DockerContainerMapper.ToRuntimeContainer(inspect);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), mapped.StartedAt);
        Assert.Null(mapped.FinishedAt);
        Assert.Equal("img:1", mapped.Image);
        Assert.Equal("v", mapped.Labels["k"]);
    }

    [Fact]
    public void ToPodSandbox_NotRunning_HasNoAddress()
    {
        var running = Inspect("running", true, 0);
        var exited = Inspect("exited", false, 0);

        Assert.Equal("172.30.0.2", DockerContainerMapper.ToPodSandbox(running, "net").IPAddress);
        Assert.Equal(string.Empty, DockerContainerMapper.ToPodSandbox(exited, "net").IPAddress);
    }

    [Fact]
    public void Labels_RequestWithoutOwnership_AddsManagedAppNodeSessionAndLifetime()
    {
        var options = new DockerRuntimeOptions { AppName = "shop", NodeName = "n1", Lifetime = DockerLifetime.Persistent };

        var labels = DockerContainerMapper.Labels(new Dictionary<string, string> { [RuntimeLabels.App] = "shop", ["x"] = "y" }, options, [new("extra", "1")]);

        Assert.Equal("true", labels[RuntimeLabels.Managed]);
        Assert.Equal("shop", labels[RuntimeLabels.App]);
        Assert.Equal("n1", labels[RuntimeLabels.Node]);
        Assert.Equal("Persistent", labels[DockerLabels.Lifetime]);
        Assert.Equal(DockerSession.Current.Value, labels[DockerLabels.Session]);
        Assert.Equal(("y", "1"), (labels["x"], labels["extra"]));
    }

    private static ContainerInspectResponse Inspect(string status, bool running, long exitCode) => new()
    {
        ID = "c1",
        Image = "sha256:abc",
        Created = new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc),
        Config = new ContainerConfig { Image = "img:1", Labels = new Dictionary<string, string> { ["k"] = "v" } },
        State = new State { Status = status, Running = running, ExitCode = exitCode, StartedAt = "0001-01-01T00:00:00Z", FinishedAt = "2026-11-24T19:00:01Z" },
        NetworkSettings = new NetworkSettings { Networks = new Dictionary<string, EndpointSettings> { ["net"] = new() { IPAddress = "172.30.0.2" } } },
    };
}
