namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null, null, "unix:///var/run/docker.sock")]
    [InlineData(null, "", "unix:///var/run/docker.sock")]
    [InlineData(null, "tcp://10.0.0.5:2375", "tcp://10.0.0.5:2375/")]
    [InlineData(null, "unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375", "unix:///ignored.sock", "tcp://127.0.0.1:2375/")]
    public void Resolve_ConfiguredThenDockerHostThenLocalSocket_AsTheCliDoes(string? configured, string? dockerHost, string expected)
    {
        var endpoint = DockerEndpoint.Resolve(configured, name => name == "DOCKER_HOST" ? dockerHost : null);

        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("docker.sock")]
    [InlineData("ssh://user@host")]
    public void Resolve_UnsupportedEndpoint_ThrowsNamingIt(string configured)
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEndpoint.Resolve(configured, _ => null));

        Assert.Contains($"'{configured}'", error.Message, StringComparison.Ordinal);
    }
}
