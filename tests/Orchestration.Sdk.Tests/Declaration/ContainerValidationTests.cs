using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using static Orchestration.Sdk.Tests.Declaration.KubernetesMessages;

namespace Orchestration.Sdk.Tests.Declaration;

/// <summary>A table of bad containers and pod specs (images, ports, resources, environment, tolerations), each with the exact errors Kubernetes would word.</summary>
public class ContainerValidationTests
{
    public static TheoryData<string, Action<AppDeclaration>, string[]> BadDeclarations => new()
    {
        {
            "no image",
            app => app.AddDeployment("web").WithReplicas(2),
            [$"{WebC0}.image: Required value"]
        },
        {
            "image with whitespace",
            app => app.AddDeployment("web").WithImage(" nginx"),
            [$"{WebC0}.image: Invalid value: \" nginx\": must not have leading or trailing whitespace"]
        },
        {
            "sidecar named like the primary container",
            app => app.AddDeployment("web").WithImage("nginx").WithContainer("web", c => c.WithImage("envoy")),
            [$"{Web}.containers[1].name: Duplicate value: \"web\""]
        },
        {
            "sidecar name not a label",
            app => app.AddDeployment("web").WithImage("nginx").WithContainer("Side_Car", c => c.WithImage("envoy")),
            [$"{Web}.containers[1].name: Invalid value: \"Side_Car\": {Label1123}"]
        },
        {
            "sidecar without image",
            app => app.AddPod("db").WithImage("postgres:16").WithContainer("exporter", _ => { }),
            ["pods[db].spec.containers[1].image: Required value"]
        },
        {
            "port out of range",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(70000),
            [$"{WebC0}.ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]
        },
        {
            "port zero",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(0),
            [$"{WebC0}.ports[0].containerPort: Required value"]
        },
        {
            "same port number twice in one pod",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080).WithContainer("proxy", c => c.WithImage("envoy").WithPort(8080)),
            [$"{Web}.containers[1].ports[0].containerPort: Duplicate value: 8080"]
        },
        {
            "same port name twice in one pod",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, "http").WithPort(8081, "http"),
            [$"{WebC0}.ports[1].name: Duplicate value: \"http\""]
        },
        {
            "port name with an underscore",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, "web_http"),
            [$"{WebC0}.ports[0].name: Invalid value: \"web_http\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]
        },
        {
            "port name too long",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, "web-http-metrics"),
            [$"{WebC0}.ports[0].name: Invalid value: \"web-http-metrics\": must be no more than 15 characters"]
        },
        {
            "port name without a letter",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, "8080"),
            [$"{WebC0}.ports[0].name: Invalid value: \"8080\": must contain at least one letter (a-z)"]
        },
        {
            "port name with a leading hyphen and consecutive hyphens",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, "-a--b"),
            [
                $"{WebC0}.ports[0].name: Invalid value: \"-a--b\": must not contain consecutive hyphens",
                $"{WebC0}.ports[0].name: Invalid value: \"-a--b\": must not begin or end with a hyphen",
            ]
        },
        {
            "unsupported protocol",
            app => app.AddDeployment("web").WithImage("nginx").WithPort(8080, protocol: "HTTP"),
            [$"{WebC0}.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""]
        },
        {
            "unparsable cpu",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(cpu: "abc"),
            [$"{WebC0}.resources.requests[cpu]: Invalid value: \"abc\": {QuantityFormatRule}"]
        },
        {
            "unparsable memory",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(memory: "1Kb"),
            [$"{WebC0}.resources.requests[memory]: Invalid value: \"1Kb\": {QuantityFormatRule}"]
        },
        {
            "unknown suffix on a limit",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(memoryLimit: "1K"),
            [$"{WebC0}.resources.limits[memory]: Invalid value: \"1K\": unable to parse quantity's suffix"]
        },
        {
            "negative cpu request",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(cpu: "-1"),
            [$"{WebC0}.resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0"]
        },
        {
            "negative memory limit",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(memoryLimit: "-1Gi"),
            [$"{WebC0}.resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0"]
        },
        {
            "cpu request above its limit",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(cpu: "2", cpuLimit: "1"),
            [$"{WebC0}.resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"]
        },
        {
            "memory request above its limit",
            app => app.AddDeployment("web").WithImage("nginx").WithResources(memory: "2Gi", memoryLimit: "1024Mi"),
            [$"{WebC0}.resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi"]
        },
        {
            "bad node selector value",
            app => app.AddPod("db").WithImage("postgres:16").WithNodeSelector("disk", "fast ssd"),
            [$"pods[db].spec.nodeSelector: Invalid value: \"fast ssd\": {LabelValue}"]
        },
        {
            "environment variable starting with a digit",
            app => app.AddDeployment("web").WithImage("nginx").WithEnvironment("1BAD", "x"),
            [$"{WebC0}.env[0].name: Invalid value: \"1BAD\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"]
        },
        {
            "environment variable named '..'",
            app => app.AddDeployment("web").WithImage("nginx").WithEnvironment("..", "x"),
            [$"{WebC0}.env[0].name: Invalid value: \"..\": must not be '..'"]
        },
        {
            "empty environment variable name",
            app => app.AddDeployment("web").WithImage("nginx").WithEnvironment(string.Empty, "x"),
            [$"{WebC0}.env[0].name: Required value"]
        },
        {
            "negative termination grace period",
            app => app.AddDeployment("web").WithImage("nginx").WithTerminationGracePeriod(TimeSpan.FromSeconds(-5)),
            [$"{Web}.terminationGracePeriodSeconds: Invalid value: -5: must be greater than or equal to 0"]
        },
        {
            "toleration Exists with a value",
            app => app.AddPod("db").WithImage("postgres:16").WithToleration(new Toleration { Key = "dedicated", Operator = TolerationOperator.Exists, Value = "db" }),
            ["pods[db].spec.tolerations[0].operator: Invalid value: \"db\": value must be empty when `operator` is 'Exists'"]
        },
        {
            "toleration seconds without NoExecute",
            app => app.AddPod("db").WithImage("postgres:16").WithToleration("dedicated", "db", TaintEffect.NoSchedule, tolerationSeconds: 60),
            ["pods[db].spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]
        },
        {
            "toleration with an empty key but a value",
            app => app.AddPod("db").WithImage("postgres:16").WithToleration(string.Empty, "db"),
            ["pods[db].spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""]
        },
        {
            "toleration with a bad key",
            app => app.AddPod("db").WithImage("postgres:16").WithToleration("a b"),
            [$"pods[db].spec.tolerations[0].key: Invalid value: \"a b\": {LabelKeyName}"]
        },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validate_BadDeclaration_ReportsKubernetesMessage(string problem, Action<AppDeclaration> declare, string[] expected)
    {
        var app = new AppDeclaration();
        declare(app);

        var errors = app.Validate();

        ValidationAssert.ReportsExactly(problem, errors, expected);
    }

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Build_BadDeclaration_ThrowsWithTheSameErrors(string problem, Action<AppDeclaration> declare, string[] expected)
    {
        Assert.NotEmpty(problem);
        ValidationAssert.BuildThrowsExactly(declare, expected);
    }

    [Fact]
    public void Validate_SamePortNumberWithDifferentProtocols_IsValid()
    {
        var app = new AppDeclaration();
        app.AddDeployment("dns").WithImage("coredns").WithPort(53, "dns", "UDP").WithPort(53, "dns-tcp", "TCP");

        Assert.Empty(app.Validate());
    }
}
