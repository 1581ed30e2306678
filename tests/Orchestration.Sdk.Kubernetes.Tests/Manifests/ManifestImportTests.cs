using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Kubernetes.Tests.Manifests.DocumentationManifests;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

public sealed class ManifestImportTests
{
    [Fact]
    public void DocumentationManifestsDeclareTheSameObjectsAsTheFluentApi()
    {
        var app = new AppDeclaration()
            .AddManifestsFromText(NginxDeployment, "deployment.yaml")
            .AddManifestsFromText(NginxService, "service.yaml");

        Assert.Equal(FluentNginx().Build(), app.Build());
    }

    [Fact]
    public void AMultiDocumentTextDeclaresEveryDocumentInOrder()
    {
        var app = new AppDeclaration().AddManifestsFromText($"---\n{Settings}\n---\n{NginxDeployment}\n---\n{NginxService}\n---\n");

        var objects = app.Build();

        Assert.Equal(["ConfigMap/settings", "Deployment/nginx", "Service/nginx"], objects.Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        var settings = Assert.IsType<ConfigMap>(objects[0]);
        Assert.Equal("3", settings.Data["retries"]);
        Assert.Equal(3, Assert.IsType<Deployment>(objects[1]).Spec.Replicas);
    }

    [Fact]
    public void AFolderDeclaresTheObjectsOfItsManifestFilesInFileNameOrder()
    {
        var dir = Directory.CreateTempSubdirectory("manifests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "b-web.yaml"), NginxDeployment + "\n---\n" + NginxService);
            File.WriteAllText(Path.Combine(dir, "a-settings.yml"), Settings);
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a manifest");

            var app = new AppDeclaration().AddManifests(dir);

            Assert.Equal(["ConfigMap/settings", "Deployment/nginx", "Service/nginx"], app.Build().Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AStreamAndAFileAreReadToo()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, NginxDeployment);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(NginxService));

            var app = new AppDeclaration().AddManifests(file).AddManifests(stream, "service.yaml");

            Assert.Equal(FluentNginx().Build(), app.Build());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FluentDeclarationsAndManifestsMixInOneDeclaration()
    {
        var app = new AppDeclaration();
        app.AddConfigMap("settings").WithValue("greeting", "hello");
        app.AddManifestsFromText(NginxDeployment);
        app.AddService("nginx").WithSelector("app", "nginx").WithPort(80, targetPort: 80);

        var objects = app.Build();

        Assert.Equal(["ConfigMap/settings", "Deployment/nginx", "Service/nginx"], objects.Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        Assert.Equal(FluentNginx().Build(), objects.Skip(1).ToList());
    }

    [Fact]
    public void ObjectsTakeTheDeclarationsNamespace()
    {
        var app = new AppDeclaration { Namespace = "shop" }.AddManifestsFromText(NginxDeployment);

        Assert.Equal("shop", Assert.Single(app.Build()).Metadata.Namespace);
    }

    [Fact]
    public void SecretStringDataBecomesItsValues()
    {
        var app = new AppDeclaration().AddManifestsFromText("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            type: Opaque
            stringData:
              password: s3cret
            data:
              user: YWRtaW4=
            """);

        var secret = Assert.IsType<Secret>(Assert.Single(app.Build()));

        Assert.Equal("s3cret", System.Text.Encoding.UTF8.GetString(secret.Data["password"].GetBytes()));
        Assert.Equal("admin", System.Text.Encoding.UTF8.GetString(secret.Data["user"].GetBytes()));
    }
}
