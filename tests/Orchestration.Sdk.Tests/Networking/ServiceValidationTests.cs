using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;

namespace Orchestration.Sdk.Tests.Networking;

public class ServiceValidationTests
{
    private const string Dns1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static TheoryData<string, Action<AppDeclaration>, string> BadDeclarations => new()
    {
        {
            "target port names no container port",
            app => app.AddService("web").SelectingPodsOf(app.AddDeployment("web").WithImage("web:1").WithPort(8080, name: "web")).WithPort(80, targetPortName: "http"),
            "services[web].spec.ports[0].targetPort: Invalid value: \"http\": no container port of deployment \"web\" is named \"http\""
        },
        {
            "duplicate port",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80, name: "a").WithPort(80, name: "b"),
            "services[web].spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
        },
        {
            "duplicate port name",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80, name: "http").WithPort(81, name: "http"),
            "services[web].spec.ports[1].name: Duplicate value: \"http\""
        },
        {
            "port out of range",
            app => app.AddService("web").WithSelector("app", "web").WithPort(70000),
            "services[web].spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive"
        },
        {
            "target port out of range",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80, targetPort: 0),
            "services[web].spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"
        },
        {
            "bad target port name",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80, targetPortName: "HTTP"),
            "services[web].spec.ports[0].targetPort: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
        },
        {
            "unnamed port among several",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80).WithPort(443, name: "https"),
            "services[web].spec.ports[0].name: Required value"
        },
        {
            "no ports",
            app => app.AddService("web").WithSelector("app", "web"),
            "services[web].spec.ports: Required value"
        },
        {
            "name starts with a digit",
            app => app.AddService("1web").WithSelector("app", "web").WithPort(80),
            "services[1web].metadata.name: Invalid value: \"1web\": " + Dns1035
        },
        {
            "host port out of range",
            app => app.AddService("web").WithSelector("app", "web").WithPort(80).WithHostPort(0),
            "services[web].spec.ports[0].nodePort: Invalid value: 0: must be between 1 and 65535, inclusive"
        },
        {
            "host port held by another service",
            app =>
            {
                app.AddService("a").WithSelector("app", "a").WithPort(80).WithHostPort(30080);
                app.AddService("b").WithSelector("app", "b").WithPort(80).WithHostPort(30080);
            },
            "services[b].spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated (to service \"a\")"
        },
        {
            "bad selector value",
            app => app.AddService("web").WithSelector("app", "-web").WithPort(80),
            "services[web].spec.selector: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        },
        {
            "duplicate service",
            app =>
            {
                app.AddService("web").WithSelector("app", "web").WithPort(80);
                app.AddService("web").WithSelector("app", "web").WithPort(81);
            },
            "services[web]: Duplicate value: \"web\""
        },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validate_BadService_ReportsKubernetesMessage(string scenario, Action<AppDeclaration> declare, string expected)
    {
        var app = new AppDeclaration();
        declare(app);

        var errors = app.Validate().Select(e => e.ToString()).ToList();

        Assert.True(errors.Contains(expected), $"{scenario}: expected\n  {expected}\nbut got\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void Build_ValidService_ProducesSelectorPortsAndExposure()
    {
        var app = new AppDeclaration();
        var web = app.AddDeployment("web").WithImage("web:1").WithPort(8080, name: "http");
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPortName: "http", name: "http").WithPort(9090, targetPort: 9090, name: "metrics").WithHostPort(30090);

        var service = Assert.Single(app.Build().OfType<Service>());

        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, service.Spec.Selector);
        Assert.Equal(ServiceType.NodePort, service.Spec.Type);
        Assert.Equal(
            [
                new ServicePort { Name = "http", Port = 80, TargetPortName = "http" },
                new ServicePort { Name = "metrics", Port = 9090, TargetPort = 9090, NodePort = 30090 },
            ],
            service.Spec.Ports);
    }

    [Fact]
    public void Validate_SelectorMatchingNothing_IsAllowed()
    {
        var app = new AppDeclaration();
        app.AddService("ghost").WithSelector("app", "nobody").WithPort(80, targetPortName: "http");

        Assert.Empty(app.Validate());
    }

    [Fact]
    public void Validate_NodePortOnClusterIPService_Forbidden()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec { Ports = [new ServicePort { Port = 80, NodePort = 30080 }] },
        };

        var errors = ResourceValidator.Validate(service).Select(e => e.ToString());

        Assert.Contains("services[web].spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'", errors);
    }
}
