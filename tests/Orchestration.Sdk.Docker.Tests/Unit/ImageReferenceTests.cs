namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("shop-web:2", "shop-web", "2")]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", "latest")]
    [InlineData("registry:5000/team/app:1.2", "registry:5000/team/app", "1.2")]
    [InlineData("app@sha256:abc", "app", "sha256:abc")]
    public void Parse_Reference_SplitsRepositoryAndTagAsThePullApiWants(string image, string repository, string tag)
    {
        Assert.Equal(new ImageReference(repository, tag), ImageReference.Parse(image));
    }
}
