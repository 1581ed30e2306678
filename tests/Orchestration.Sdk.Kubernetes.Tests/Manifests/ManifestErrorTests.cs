using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Manifests;
using static Orchestration.Sdk.Kubernetes.Tests.Manifests.DocumentationManifests;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

public sealed class ManifestErrorTests
{
    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: -1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: shop-web:1
        """;

    [Fact]
    public void AnInvalidValueNamesTheFileTheDocumentTheObjectAndTheFieldPath()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(Settings + "\n---\n" + Web, "web.yaml"));

        Assert.Equal("web.yaml, document 2 (Deployment \"web\"): spec.replicas: Invalid value: -1: must be greater than or equal to 0", e.Message);
        var problem = Assert.Single(e.Problems);
        Assert.Equal(("web.yaml", 2, "Deployment", "web", "spec.replicas"), (problem.Source, problem.Document, problem.Kind, problem.Name, problem.Field));
    }

    [Fact]
    public void AnUnknownKindIsAnErrorNotSkipped()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(Settings + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            """, "ingress.yaml"));

        Assert.StartsWith("ingress.yaml, document 2 (Ingress \"web\"): kind: Unsupported value: \"Ingress\" (networking.k8s.io/v1): unknown kind; supported kinds: \"Pod\", \"Service\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsupportedVersionOfAKnownKindNamesTheSupportedOnes()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(NginxDeployment.Replace("apps/v1", "apps/v1beta1", StringComparison.Ordinal)));

        Assert.Equal("manifest, document 1 (Deployment \"nginx\"): apiVersion: Unsupported value: \"apps/v1beta1\": supported values for Deployment: \"apps/v1\"", e.Message);
    }

    [Fact]
    public void EveryUnknownFieldIsNamedWithItsPath()
    {
        var yaml = NginxDeployment
            .Replace("  replicas: 3", "  replicas: 3\n  replica: 3", StringComparison.Ordinal)
            .Replace("    image: nginx:1.14.2", "    image: nginx:1.14.2\n        imagePolicy: Always", StringComparison.Ordinal);

        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(yaml, "web.yaml"));

        Assert.Equal(["spec.replica", "spec.template.spec.containers[0].imagePolicy"], e.Problems.Select(p => p.Field));
        Assert.Contains("web.yaml, document 1 (Deployment \"nginx\"): spec.replica: unknown field \"spec.replica\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKubernetesFieldTheSdkDoesNotSupportIsAnErrorNotDropped()
    {
        var yaml = NginxDeployment + "\n      volumes:\n      - name: cache\n        nfs:\n          server: files\n          path: /cache";

        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(yaml, "web.yaml"));

        // emptyDir, persistentVolumeClaim and hostPath volumes are read; nfs is not (and leaves the volume without a source)
        var problem = e.Problems[0];
        Assert.Equal(["spec.template.spec.volumes[0].nfs", "spec.template.spec.volumes[0]"], e.Problems.Select(p => p.Field));
        Assert.Equal("spec.template.spec.volumes[0].nfs", problem.Field);
        Assert.StartsWith("Forbidden: Orchestration.Sdk does not support this field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueTheSdkWouldReplaceIsAnErrorNotChanged()
    {
        var yaml = NginxService.Replace("  selector:", "  sessionAffinity: ClientIP\n  selector:", StringComparison.Ordinal);

        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(yaml, "svc.yaml"));

        Assert.Equal("svc.yaml, document 1 (Service \"nginx\"): spec.sessionAffinity: Unsupported value: \"ClientIP\": Orchestration.Sdk supports only \"None\" here (see docs/manifests.md)", e.Message);
    }

    [Fact]
    public void QuantitiesAreNormalizedNotRefused()
    {
        var yaml = NginxDeployment + "\n        resources:\n          requests:\n            cpu: 0.5\n            memory: \"1Gi\"";

        var deployment = Assert.IsType<Orchestration.Sdk.Model.Deployment>(Assert.Single(new AppDeclaration().AddManifestsFromText(yaml).Build()));

        Assert.Equal("500m", deployment.Spec.Template.Spec.Containers[0].Resources.Requests.Cpu?.ToString());
    }

    [Fact]
    public void AValueOfTheWrongTypeNamesItsField()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(NginxDeployment.Replace("replicas: 3", "replicas: three", StringComparison.Ordinal)));

        Assert.Equal("spec.replicas", Assert.Single(e.Problems).Field);
    }

    [Fact]
    public void AYamlSyntaxErrorNamesTheSourceAndLine()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText("kind: Deployment\nmetadata: name: x\n", "broken.yaml"));

        Assert.StartsWith("broken.yaml: invalid YAML at line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentWithoutKindIsAnError()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText("apiVersion: v1\nmetadata:\n  name: x\n"));

        Assert.Equal("manifest, document 1: kind: Required value: a manifest names its apiVersion and kind", e.Message);
    }

    [Fact]
    public void EveryProblemOfEveryDocumentIsListedAndNothingIsAdded()
    {
        var app = new AppDeclaration();
        app.AddConfigMap("kept").WithValue("a", "b");

        var e = Assert.Throws<ManifestException>(() => app.AddManifestsFromText(
            NginxService + "\n---\n" + Web + "\n---\n" + Settings.Replace("name: settings", "name: Bad_Name", StringComparison.Ordinal), "app.yaml"));

        Assert.Equal([2, 3], e.Problems.Select(p => p.Document));
        Assert.Equal("metadata.name", e.Problems[1].Field);
        Assert.Equal(["ConfigMap/kept"], app.Build().Select(o => $"{o.Kind}/{o.Metadata.Name}"));
    }

    [Fact]
    public void ANameDeclaredFluentlyAndInAManifestIsADuplicate()
    {
        var app = new AppDeclaration();
        app.AddDeployment("nginx").WithImage("nginx:1.27");

        var e = Assert.Throws<ManifestException>(() => app.AddManifestsFromText(NginxDeployment, "web.yaml"));

        Assert.Equal("web.yaml, document 1 (Deployment \"nginx\"): metadata.name: Duplicate value: \"nginx\": Deployment \"nginx\" is already declared (by the fluent API)", e.Message);
    }

    [Fact]
    public void AFluentDeclarationAfterAManifestOfTheSameNameFailsTheBuild()
    {
        var app = new AppDeclaration().AddManifestsFromText(NginxDeployment);
        app.AddDeployment("nginx").WithImage("nginx:1.27");

        var e = Assert.Throws<DeclarationValidationException>(app.Build);

        Assert.Equal("deployments[nginx]: Duplicate value: \"nginx\"", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void TheSameNameInTwoManifestsIsADuplicate()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(Settings + "\n---\n" + Settings, "cm.yaml"));

        Assert.Equal("cm.yaml, document 2 (ConfigMap \"settings\"): metadata.name: Duplicate value: \"settings\": ConfigMap \"settings\" is already declared (cm.yaml, document 1)", e.Message);
    }

    [Fact]
    public void AnotherNamespaceThanTheDeclarationsIsAnError()
    {
        var e = Assert.Throws<ManifestException>(() => new AppDeclaration().AddManifestsFromText(Settings.Replace("name: settings", "name: settings\n  namespace: shop", StringComparison.Ordinal)));

        Assert.Equal("metadata.namespace", Assert.Single(e.Problems).Field);
    }

    [Fact]
    public void AMissingPathIsNotFound() =>
        Assert.Throws<FileNotFoundException>(() => new AppDeclaration().AddManifests(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
}
