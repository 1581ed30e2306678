namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerNamesAndSessionTests
{
    [Theory]
    [InlineData("MyShop.Web", "myshop-web")]
    [InlineData("__x__", "x")]
    [InlineData("", "fallback")]
    [InlineData(null, "fallback")]
    public void ToDnsLabel_AnyText_LowercaseDnsLabel(string? value, string expected)
    {
        Assert.Equal(expected, DockerNames.ToDnsLabel(value, "fallback"));
    }

    [Fact]
    public void ToDnsLabel_LongText_TrimmedTo63()
    {
        Assert.Equal(63, DockerNames.ToDnsLabel(new string('a', 100), "x").Length);
    }

    [Fact]
    public void Container_PodAndAttempt_KubeletStyleName()
    {
        Assert.Equal("orch_web_web-7d9f-x2_default_u-1_3", DockerNames.Container("web", "web-7d9f-x2", "default", "u-1", "3"));
        Assert.Equal("orch_POD_web-1_default_u-1", DockerNames.Sandbox("web-1", "default", "u-1"));
    }

    [Theory]
    [InlineData("web-7d9f-x2", "web-7d9f-x2")]
    [InlineData("web.v2-7d9f-x2", "web.v2-7d9f-x2")] // a subdomain pod name keeps its dots, as the kubelet's
    public void HostName_ShortPodName_IsThePodName(string pod, string expected) => Assert.Equal(expected, DockerNames.HostName(pod));

    [Fact]
    public void HostName_LongPodName_CutTo63WithoutATrailingDashOrDot()
    {
        var pod = new string('a', 61) + ".-" + new string('b', 20); // a subdomain longer than a label

        var host = DockerNames.HostName(pod);

        Assert.Equal(new string('a', 61), host); // cut to 63 ("a…a.-"), then the trailing '-' and '.' trimmed
    }

    [Fact]
    public void Session_Current_RoundTripsAndIsAlive()
    {
        var current = DockerSession.Current;

        Assert.Equal(current, DockerSession.Parse(current.Value));
        Assert.False(current.IsDead());
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("host/notapid/1")]
    [InlineData(null)]
    public void Session_Malformed_ParsesAsNull(string? value)
    {
        Assert.Null(DockerSession.Parse(value));
    }

    [Fact]
    public void Session_ProcessGone_IsDead_OtherMachine_NeverKnownDead()
    {
        Assert.True(new DockerSession(Environment.MachineName, int.MaxValue - 1, 1).IsDead());
        Assert.True(new DockerSession(Environment.MachineName, Environment.ProcessId, 1).IsDead());
        Assert.False(new DockerSession("another-machine", int.MaxValue - 1, 1).IsDead());
    }
}
