using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Networking;

public sealed class ServicePortEqualityTests
{
    [Fact]
    public void ATargetPortEqualToThePort_IsTheSameAsNone()
    {
        var omitted = new ServicePort { Port = 5432 };
        var spelledOut = new ServicePort { Port = 5432, TargetPort = 5432 };

        Assert.Equal(omitted, spelledOut);
        Assert.Equal(omitted.GetHashCode(), spelledOut.GetHashCode());
    }

    [Theory]
    [InlineData(8080, null)]
    [InlineData(null, "http")]
    public void AnotherTarget_IsAnotherPort(int? targetPort, string? targetPortName)
    {
        var omitted = new ServicePort { Port = 80 };
        var other = new ServicePort { Port = 80, TargetPort = targetPort, TargetPortName = targetPortName };

        Assert.NotEqual(omitted, other);
    }

    [Fact]
    public void EveryOtherField_StillCounts()
    {
        var port = new ServicePort { Name = "http", Port = 80, NodePort = 30080 };

        Assert.NotEqual(port, port with { Name = "web" });
        Assert.NotEqual(port, port with { NodePort = 30081 });
        Assert.NotEqual(port, port with { Port = 81 });
    }
}
