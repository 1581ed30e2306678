using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Declaration;

public sealed class ImageBuildContextTests : IDisposable
{
    private readonly DirectoryInfo _context = Directory.CreateTempSubdirectory("orchestration-build-context-");

    public void Dispose() => _context.Delete(recursive: true);

    [Fact]
    public void WithImageBuiltFrom_NoImage_DefaultsTagToNameLocalAndRecordsFullPath()
    {
        File.WriteAllText(Path.Combine(_context.FullName, "Dockerfile"), "FROM scratch\n");
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImageBuiltFrom(_context.FullName);

        var deployment = Assert.IsType<Deployment>(Assert.Single(app.Build()));

        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("web:local", container.Image);
        Assert.Equal(Path.GetFullPath(_context.FullName), container.ImageBuildContext);
    }

    [Fact]
    public void WithImageBuiltFrom_WithImage_KeepsTheTag()
    {
        File.WriteAllText(Path.Combine(_context.FullName, "Dockerfile"), "FROM scratch\n");
        var app = new AppDeclaration();
        app.AddPod("job").WithImage("shop-job:2").WithContainer("side", c => c.WithImageBuiltFrom(_context.FullName));

        var pod = Assert.IsType<Pod>(Assert.Single(app.Build()));

        Assert.Equal("shop-job:2", pod.Spec.Containers[0].Image);
        Assert.Null(pod.Spec.Containers[0].ImageBuildContext);
        Assert.Equal("side:local", pod.Spec.Containers[1].Image);
        Assert.Equal(_context.FullName, pod.Spec.Containers[1].ImageBuildContext);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_NoDockerfileInContext_ReportsTheImageField(bool directoryExists)
    {
        var path = directoryExists ? _context.FullName : Path.Combine(_context.FullName, "missing");
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithImageBuiltFrom(path);

        var error = Assert.Single(app.Validate());

        Assert.Equal(
            $"deployments[web].spec.template.spec.containers[0].image: Invalid value: \"{path}\": no Dockerfile found in the build context",
            error.ToString());
    }
}
