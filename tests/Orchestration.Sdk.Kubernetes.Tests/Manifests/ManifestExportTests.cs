using System.Text;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.StatefulSets;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

public sealed class ManifestExportTests
{
    private static readonly ManifestExportOptions WithSecretValues = new() { IncludeSecretValues = true };

    [Fact]
    public void ExportThenImportGivesBackTheGettingStartedDeclaration()
    {
        var declared = GettingStartedDeclaration.Create().Build();

        var yaml = ManifestExporter.Export(GettingStartedDeclaration.Create(), WithSecretValues);
        var imported = new AppDeclaration().AddManifestsFromText(yaml, "getting-started.yaml").Build();

        AssertEqualObjects(declared, imported);
    }

    /// <summary>
    /// The Docker sample's declaration (StatefulSet with a claim template, headless service, init container, probes,
    /// config and secret files, a host-exposed service) round-trips too, except for the one field that is local to this
    /// machine: the directory an image is built from is not exported (a cluster pulls the image from a registry).
    /// </summary>
    [Fact]
    public void ExportThenImportGivesBackTheDockerSamplesDeclaration_ButTheLocalImageBuildContext()
    {
        var context = Directory.CreateTempSubdirectory("getting-started-image-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
            var declared = GettingStartedDeclaration.CreateDocker(context).Build();
            Assert.Contains(declared, r => r is StatefulSet);
            Assert.All(declared.OfType<Deployment>(), d => Assert.Equal(context, d.Spec.Template.Spec.Containers[0].ImageBuildContext));

            var yaml = ManifestExporter.Export(GettingStartedDeclaration.CreateDocker(context), WithSecretValues);
            var imported = new AppDeclaration().AddManifestsFromText(yaml, "getting-started-docker.yaml").Build();

            Assert.DoesNotContain(context, yaml, StringComparison.Ordinal);
            AssertEqualObjects([.. declared.Select(WithoutImageBuildContext)], imported);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [Fact]
    public void ExportThenImportOfAFolderGivesBackTheDeclaration()
    {
        var dir = Directory.CreateTempSubdirectory("export-").FullName;
        try
        {
            var written = ManifestExporter.ExportToFolder(GettingStartedDeclaration.Create(), dir, WithSecretValues);

            Assert.Contains(Path.Combine(dir, "deployment-web.yaml"), written);
            Assert.Contains(Path.Combine(dir, "horizontalpodautoscaler-worker.yaml"), written);
            var imported = new AppDeclaration().AddManifests(dir).Build();
            AssertEqualObjects(
                [.. GettingStartedDeclaration.Create().Build().OrderBy(r => r.ToString(), StringComparer.Ordinal)],
                [.. imported.OrderBy(r => r.ToString(), StringComparer.Ordinal)]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Resource WithoutImageBuildContext(Resource resource) => resource switch
    {
        Deployment d => d with { Spec = d.Spec with { Template = WithoutImageBuildContext(d.Spec.Template) } },
        StatefulSet s => s with { Spec = s.Spec with { Template = WithoutImageBuildContext(s.Spec.Template) } },
        _ => resource,
    };

    private static PodTemplateSpec WithoutImageBuildContext(PodTemplateSpec template) => template with
    {
        Spec = template.Spec with
        {
            Containers = [.. template.Spec.Containers.Select(c => c with { ImageBuildContext = null })],
            InitContainers = [.. template.Spec.InitContainers.Select(c => c with { ImageBuildContext = null })],
        },
    };

    /// <summary>Equal objects; a difference is shown as the first differing text of the records' printed form.</summary>
    private static void AssertEqualObjects(IReadOnlyList<Resource> expected, IReadOnlyList<Resource> actual)
    {
        Assert.Equal(expected.Select(r => r.Key), actual.Select(r => r.Key));
        for (var i = 0; i < expected.Count; i++)
        {
            if (!Equals(expected[i], actual[i]))
            {
                Assert.Equal(Printed(expected[i]), Printed(actual[i])); // shows where they differ
            }
        }

        Assert.Equal(expected, actual);
    }

    private static string Printed(Resource resource)
    {
        var text = new StringBuilder();
        resource.GetType().GetMethod("PrintMembers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(resource, [text]);
        return text.ToString();
    }

    [Fact]
    public void SecretsAreExportedWithoutTheirValuesByDefault()
    {
        var yaml = ManifestExporter.Export(GettingStartedDeclaration.Create());

        Assert.DoesNotContain(GettingStartedDeclaration.Password, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(GettingStartedDeclaration.Password)), yaml, StringComparison.Ordinal);
        var secret = Assert.IsType<Secret>(new AppDeclaration().AddManifestsFromText(yaml).Build().Single(r => r is Secret));
        Assert.Equal("true", secret.Metadata.Annotations[ManifestExporter.SecretValuesOmittedAnnotation]);
        Assert.Empty(secret.Data["password"].GetBytes());
    }

    [Fact]
    public void SecretValuesAreExportedWhenAsked()
    {
        var yaml = ManifestExporter.Export(GettingStartedDeclaration.Create(), WithSecretValues);

        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(GettingStartedDeclaration.Password)), yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(ManifestExporter.SecretValuesOmittedAnnotation, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExportedManifestsAreTheGoldenFile()
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web").WithImage("shop-web:2").WithReplicas(2)
            .WithPort(8080, name: "http")
            .WithResources(cpu: "250m", memory: "256Mi")
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            .WithReadinessProbe(Probe.ForHttpGet("/healthz", 8080));
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).WithHostPort(30080);
        app.AddAutoscaler("web").Scaling(web).WithReplicas(min: 2, max: 6).WithCpuUtilization(70);
        app.AddConfigMap("web-settings").WithValue("greeting", "hello");
        app.AddSecret("web-token").WithValue("token", "not-in-the-output");

        var yaml = ManifestExporter.Export(app);

        var golden = Path.Combine(AppContext.BaseDirectory, "Manifests", "Golden", "web-app.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") is { Length: > 0 } source)
        {
            File.WriteAllText(Path.Combine(source, "Manifests", "Golden", "web-app.yaml"), yaml);
        }

        Assert.Equal(File.ReadAllText(golden), yaml);
    }

    [Fact]
    public void AServiceExposedOnTheHostIsANodePortService()
    {
        var app = new AppDeclaration();
        app.AddService("web").WithSelector("app", "web").WithPort(80, targetPort: 8080).WithHostPort(30080);

        var yaml = ManifestExporter.Export(app);

        Assert.Contains("type: NodePort", yaml, StringComparison.Ordinal);
        Assert.Contains("nodePort: 30080", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectsAControllerCreatedAreLeftOut()
    {
        var owned = new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "generated", OwnerReferences = [new OwnerReference("Deployment", "web", "uid-1", Controller: true)] },
            Data = new Dictionary<string, string> { ["a"] = "b" },
        };

        Assert.Empty(ManifestExporter.Export([owned]));
    }
}
