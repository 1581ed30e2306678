using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerEventParserTests
{
    private const string Die = """
        {"status":"die","id":"abc","from":"img:1","Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"exitCode":"137","image":"img:1","name":"orch_app","io.orchestration.pod.uid":"u1"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}
        """;

    [Theory]
    [InlineData("start", ContainerEventType.Started)]
    [InlineData("die", ContainerEventType.Exited)]
    [InlineData("destroy", ContainerEventType.Removed)]
    public void Parse_ContainerAction_MapsToEventType(string action, ContainerEventType expected)
    {
        var parsed = DockerEventParser.Parse(Die.Replace("\"Action\":\"die\"", $"\"Action\":\"{action}\"", StringComparison.Ordinal), out _);

        Assert.Equal(expected, parsed?.Type);
    }

    [Fact]
    public void Parse_Die_CarriesExitCodeLabelsAndTime()
    {
        var parsed = DockerEventParser.Parse(Die, out var timeNano);

        Assert.NotNull(parsed);
        Assert.Equal("abc", parsed.ContainerId);
        Assert.Equal(137, parsed.ExitCode);
        Assert.Equal(new Dictionary<string, string> { ["io.orchestration.pod.uid"] = "u1" }, parsed.Labels);
        Assert.Equal(1700000000123456789, timeNano);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), parsed.Time);
    }

    [Theory]
    [InlineData("""{"Type":"container","Action":"exec_start: sh","Actor":{"ID":"a"},"timeNano":5}""")]
    [InlineData("""{"Type":"network","Action":"connect","Actor":{"ID":"n"},"timeNano":5}""")]
    [InlineData("")]
    public void Parse_OtherEvents_Ignored(string line)
    {
        Assert.Null(DockerEventParser.Parse(line, out _));
    }

    [Fact]
    public void FormatSince_Nanoseconds_SecondsDotNanoseconds()
    {
        Assert.Equal("1700000000.000000042", DockerEventParser.FormatSince(1700000000000000042));
    }
}
