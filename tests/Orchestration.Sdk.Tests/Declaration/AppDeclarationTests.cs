using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Declaration;

public class AppDeclarationTests
{
    [Fact]
    public void Build_MinimalDeployment_AppliesKubernetesDefaults()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx:1.27");

        var deployment = Assert.IsType<Deployment>(Assert.Single(app.Build()));

        Assert.Equal("web", deployment.Metadata.Name);
        Assert.Equal("default", deployment.Metadata.Namespace);
        Assert.Equal(App("web"), deployment.Metadata.Labels);
        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal(10, deployment.Spec.RevisionHistoryLimit);
        Assert.Equal(App("web"), deployment.Spec.Selector.MatchLabels);
        Assert.Equal(App("web"), deployment.Spec.Template.Labels);
        Assert.Empty(deployment.Spec.Template.Annotations);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(RestartPolicy.Always, pod.RestartPolicy);
        Assert.Equal(30, pod.TerminationGracePeriodSeconds);
        Assert.Empty(pod.NodeSelector);
        Assert.Empty(pod.Tolerations);
        Assert.Null(pod.NodeName);
        var container = Assert.Single(pod.Containers);
        Assert.Equal("web", container.Name);
        Assert.Equal("nginx:1.27", container.Image);
        Assert.Empty(container.Command);
        Assert.Empty(container.Args);
        Assert.Empty(container.Env);
        Assert.Empty(container.Ports);
        Assert.Null(container.WorkingDir);
        Assert.Null(container.Resources.Requests.Cpu);
        Assert.Null(container.Resources.Limits.Memory);
        Assert.Equal(string.Empty, deployment.Metadata.Uid);
    }

    [Fact]
    public void Build_FullyConfiguredDeployment_RecordsEverySetting()
    {
        var app = new AppDeclaration { Namespace = "shop" };
        var web = app.AddDeployment("web")
            .WithImage("shop-web:2")
            .WithReplicas(3)
            .WithResources(cpu: "250m", memory: "256Mi", cpuLimit: "1", memoryLimit: "1Gi")
            .WithCommand("dotnet", "Web.dll")
            .WithArgs("--urls", "http://+:8080")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("LOG_LEVEL", "Info")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Staging")
            .WithPort(8080, "http")
            .WithWorkingDirectory("/app")
            .WithLabel("tier", "frontend")
            .WithAnnotation("example.com/owner", "team-a")
            .WithNodeSelector("disk", "ssd")
            .WithToleration("dedicated", "web", TaintEffect.NoSchedule)
            .WithToleration(Taint.UnreachableKey, effect: TaintEffect.NoExecute, tolerationSeconds: 60)
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(9.2))
            .WithRevisionHistoryLimit(5)
            .WithContainer("proxy", c => c.WithImage("envoy:1.30").WithPort(9901, "admin").WithResources(cpu: "50m"));

        var deployment = Assert.IsType<Deployment>(Assert.Single(app.Build()));

        Assert.Equal("web", web.Name);
        Assert.Equal("shop", deployment.Metadata.Namespace);
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.Equal(5, deployment.Spec.RevisionHistoryLimit);
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "frontend" };
        Assert.Equal(labels, deployment.Metadata.Labels);
        Assert.Equal(labels, deployment.Spec.Template.Labels);
        Assert.Equal(App("web"), deployment.Spec.Selector.MatchLabels);
        Assert.Equal(new Dictionary<string, string> { ["example.com/owner"] = "team-a" }, deployment.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["example.com/owner"] = "team-a" }, deployment.Spec.Template.Annotations);

        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(10, pod.TerminationGracePeriodSeconds);
        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd" }, pod.NodeSelector);
        Assert.Equal(
            [
                new Toleration { Key = "dedicated", Operator = TolerationOperator.Equal, Value = "web", Effect = TaintEffect.NoSchedule },
                new Toleration { Key = Taint.UnreachableKey, Operator = TolerationOperator.Exists, Effect = TaintEffect.NoExecute, TolerationSeconds = 60 },
            ],
            pod.Tolerations);

        Assert.Equal(["web", "proxy"], pod.Containers.Select(c => c.Name));
        var main = pod.Containers[0];
        Assert.Equal("shop-web:2", main.Image);
        Assert.Equal(["dotnet", "Web.dll"], main.Command);
        Assert.Equal(["--urls", "http://+:8080"], main.Args);
        Assert.Equal([new EnvVar("ASPNETCORE_ENVIRONMENT", "Staging"), new EnvVar("LOG_LEVEL", "Info")], main.Env);
        Assert.Equal([new ContainerPort(8080, "http")], main.Ports);
        Assert.Equal("/app", main.WorkingDir);
        Assert.Equal(250, main.Resources.Requests.Cpu!.Value.MilliValue);
        Assert.Equal("256Mi", main.Resources.Requests.Memory.ToString());
        Assert.Equal(Quantity.Parse("1"), main.Resources.Limits.Cpu);
        Assert.Equal(1L << 30, main.Resources.Limits.Memory!.Value.IntegerValue);

        var proxy = pod.Containers[1];
        Assert.Equal("envoy:1.30", proxy.Image);
        Assert.Equal([new ContainerPort(9901, "admin")], proxy.Ports);
        Assert.Equal("50m", proxy.Resources.Requests.Cpu.ToString());
        Assert.Null(proxy.Resources.Requests.Memory);
    }

    [Fact]
    public void Build_StandalonePod_UsesItsRestartPolicyAndLabels()
    {
        var app = new AppDeclaration();
        var builder = app.AddPod("migrate").WithImage("shop-migrate:2").WithRestartPolicy(RestartPolicy.OnFailure).WithLabel("job", "migrate");

        var pod = Assert.IsType<Pod>(Assert.Single(app.Build()));

        Assert.Equal("migrate", builder.Name);
        Assert.Equal("migrate", pod.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "migrate", ["job"] = "migrate" }, pod.Metadata.Labels);
        Assert.Equal(RestartPolicy.OnFailure, pod.Spec.RestartPolicy);
        Assert.Equal("migrate", Assert.Single(pod.Spec.Containers).Name);
        Assert.Null(pod.Spec.NodeName);
    }

    [Fact]
    public void Build_SeveralObjects_ReturnsThemInDeclarationOrder()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("shop-web:2").WithReplicas(3).WithResources(cpu: "250m", memory: "256Mi");
        app.AddDeployment("worker").WithImage("shop-worker:2").WithResources(cpu: "500m", memory: "512Mi");
        app.AddPod("db").WithImage("postgres:16").WithResources(cpu: "1", memory: "1Gi");
        app.AddDeployment("cache").WithImage("redis:7").WithResources(cpu: "100m", memory: "128Mi");

        var objects = app.Build();

        Assert.Equal(["Deployment/default/web", "Deployment/default/worker", "Pod/default/db", "Deployment/default/cache"], objects.Select(o => $"{o.Kind}/{o.Metadata.Namespace}/{o.Metadata.Name}"));
    }

    [Fact]
    public void Build_OnlySidecarContainers_HasNoPrimaryContainer()
    {
        var app = new AppDeclaration();
        app.AddPod("tools").WithContainer("a", c => c.WithImage("busybox")).WithContainer("b", c => c.WithImage("busybox"));

        var pod = Assert.IsType<Pod>(Assert.Single(app.Build()));

        Assert.Equal(["a", "b"], pod.Spec.Containers.Select(c => c.Name));
    }

    [Fact]
    public void WithResources_CalledTwice_KeepsEarlierValuesNotGivenAgain()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx").WithResources(cpu: "1", memory: "1Gi").WithResources(memory: "2Gi");

        var container = ((Deployment)Assert.Single(app.Build())).Spec.Template.Spec.Containers[0];

        Assert.Equal("1", container.Resources.Requests.Cpu.ToString());
        Assert.Equal("2Gi", container.Resources.Requests.Memory.ToString());
    }

    [Fact]
    public void Build_CalledTwice_ReturnsFreshEqualObjects()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx");

        var first = (Deployment)app.Build()[0];
        var second = (Deployment)app.Build()[0];

        Assert.NotSame(first, second);
        Assert.NotSame(first.Metadata.Labels, second.Metadata.Labels);
        Assert.Equal(first.Metadata.Labels, second.Metadata.Labels);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThemAtOnce()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithReplicas(-1).WithResources(cpu: "abc", memory: "2Gi", memoryLimit: "1Gi").WithPort(70000);
        app.AddDeployment("worker").WithImage("shop-worker:2").WithContainer("worker", c => c.WithImage("x"));
        app.AddPod("DB").WithImage("postgres:16").WithEnvironment("1BAD", "x");
        app.AddPod("cache").WithImage("redis:7");

        var errors = app.Validate().Select(e => e.Field).ToList();

        Assert.Equal(
            [
                "deployments[web].spec.replicas",
                "deployments[web].spec.template.spec.containers[0].image",
                "deployments[web].spec.template.spec.containers[0].ports[0].containerPort",
                "deployments[web].spec.template.spec.containers[0].resources.requests",
                "deployments[web].spec.template.spec.containers[0].resources.requests[cpu]",
                "deployments[worker].spec.template.spec.containers[1].name",
                "pods[DB].metadata.name",
                "pods[DB].spec.containers[0].env[0].name",
                "pods[DB].spec.containers[0].name",
            ],
            errors);
    }

    [Fact]
    public void Build_SeveralProblems_ThrowsOneExceptionListingEachOnItsOwnLine()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("nginx").WithReplicas(-1);
        app.AddPod("db").WithResources(cpu: "abc");

        var ex = Assert.Throws<DeclarationValidationException>(() => app.Build());

        Assert.Equal(
            "The declaration is invalid (3 errors):\n" +
            "deployments[web].spec.replicas: Invalid value: -1: must be greater than or equal to 0\n" +
            "pods[db].spec.containers[0].image: Required value\n" +
            "pods[db].spec.containers[0].resources.requests[cpu]: Invalid value: \"abc\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            ex.Message);
        Assert.Equal(3, ex.Errors.Count);
        Assert.IsAssignableFrom<OrchestrationException>(ex);
    }

    [Fact]
    public void Build_AfterFixingTheProblem_Succeeds()
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web").WithImage("nginx").WithReplicas(-1);
        Assert.Throws<DeclarationValidationException>(() => app.Build());

        web.WithReplicas(2);

        Assert.Equal(2, ((Deployment)Assert.Single(app.Build())).Spec.Replicas);
    }

    [Fact]
    public void Builders_BadValues_AreRecordedNotThrown()
    {
        var app = new AppDeclaration();

        var exception = Record.Exception(() => app.AddDeployment("Not Valid")
            .WithReplicas(-5).WithResources(cpu: "lots", memory: "-1").WithPort(-1, "BAD NAME", "HTTP")
            .WithLabel("!", "?").WithTerminationGracePeriod(TimeSpan.FromDays(-1)).WithImage(string.Empty));

        Assert.Null(exception);
        Assert.NotEmpty(app.Validate());
    }

    [Fact]
    public void Validate_EmptyDeclaration_IsValid()
    {
        var app = new AppDeclaration();

        Assert.Empty(app.Validate());
        Assert.Empty(app.Build());
    }

    [Fact]
    public void NullArguments_Throw()
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web");

        Assert.Throws<ArgumentNullException>(() => app.AddDeployment(null!));
        Assert.Throws<ArgumentNullException>(() => app.AddPod(null!));
        Assert.Throws<ArgumentNullException>(() => app.Namespace = null!);
        Assert.Throws<ArgumentNullException>(() => web.WithImage(null!));
        Assert.Throws<ArgumentNullException>(() => web.WithEnvironment("A", null!));
        Assert.Throws<ArgumentNullException>(() => web.WithCommand(null!));
        Assert.Throws<ArgumentNullException>(() => web.WithArgs("a", null!));
        Assert.Throws<ArgumentNullException>(() => web.WithLabel(null!, "v"));
        Assert.Throws<ArgumentNullException>(() => web.WithContainer("side", null!));
        Assert.Throws<ArgumentNullException>(() => web.WithToleration((Toleration)null!));
    }

    private static Dictionary<string, string> App(string name) => new() { ["app"] = name };
}
