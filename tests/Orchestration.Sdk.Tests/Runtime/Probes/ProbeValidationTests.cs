using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Tests.Declaration;

namespace Orchestration.Sdk.Tests.Runtime.Probes;

/// <summary>Bad probes, each with the error worded as Kubernetes' validateProbe (or, for undeclared ports, this SDK's rule).</summary>
public class ProbeValidationTests
{
    private const string C0 = "deployments[web].spec.template.spec.containers[0]";

    public static TheoryData<string, Func<DeploymentBuilder, DeploymentBuilder>, string[]> BadProbes => new()
    {
        {
            "named port not declared",
            d => d.WithPort(8080).WithReadinessProbe(Probe.ForHttpGet("/healthz", "http")),
            [$"{C0}.readinessProbe.httpGet.port: Invalid value: \"http\": must be the name of a port of this container"]
        },
        {
            "numeric port not declared",
            d => d.WithPort(8080).WithLivenessProbe("/healthz", 9090),
            [$"{C0}.livenessProbe.httpGet.port: Invalid value: 9090: must be a containerPort of this container"]
        },
        {
            "tcp port out of range",
            d => d.WithPort(8080).WithReadinessProbe(Probe.ForTcpSocket(70000)),
            [$"{C0}.readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive"]
        },
        {
            "failure threshold zero",
            d => d.WithPort(8080).WithReadinessProbe("/healthz", 8080, failureThreshold: 0),
            [$"{C0}.readinessProbe.failureThreshold: Invalid value: 0: must be greater than or equal to 1"]
        },
        {
            "success threshold zero",
            d => d.WithPort(8080).WithReadinessProbe("/healthz", 8080, successThreshold: 0),
            [$"{C0}.readinessProbe.successThreshold: Invalid value: 0: must be greater than or equal to 1"]
        },
        {
            "period and timeout zero",
            d => d.WithPort(8080).WithStartupProbe("/healthz", 8080, periodSeconds: 0, timeoutSeconds: 0),
            [
                $"{C0}.startupProbe.periodSeconds: Invalid value: 0: must be greater than or equal to 1",
                $"{C0}.startupProbe.timeoutSeconds: Invalid value: 0: must be greater than or equal to 1",
            ]
        },
        {
            "liveness success threshold 2",
            d => d.WithPort(8080).WithLivenessProbe(Probe.ForHttpGet("/healthz", 8080) with { SuccessThreshold = 2 }),
            [$"{C0}.livenessProbe.successThreshold: Invalid value: 2: must be 1"]
        },
        {
            "startup success threshold 3",
            d => d.WithPort(8080).WithStartupProbe(Probe.ForTcpSocket(8080) with { SuccessThreshold = 3 }),
            [$"{C0}.startupProbe.successThreshold: Invalid value: 3: must be 1"]
        },
        {
            "negative initial delay",
            d => d.WithPort(8080).WithLivenessProbe("/healthz", 8080, initialDelaySeconds: -5),
            [$"{C0}.livenessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0"]
        },
        {
            "no handler",
            d => d.WithReadinessProbe(new Probe()),
            [$"{C0}.readinessProbe: Required value: must specify a handler type"]
        },
        {
            "two handlers",
            d => d.WithPort(8080).WithLivenessProbe(Probe.ForExec("true") with { TcpSocket = new TcpSocketAction { Port = 8080 } }),
            [$"{C0}.livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"]
        },
        {
            "exec without command",
            d => d.WithLivenessProbe(Probe.ForExec()),
            [$"{C0}.livenessProbe.exec.command: Required value"]
        },
        {
            "unsupported scheme",
            d => d.WithPort(8080).WithReadinessProbe(Probe.ForHttpGet("/", 8080) with { HttpGet = new HttpGetAction { Port = 8080, Scheme = "FTP" } }),
            [$"{C0}.readinessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\""]
        },
    };

    [Theory]
    [MemberData(nameof(BadProbes))]
    public void Validate_BadProbe_ReportsKubernetesMessage(string problem, Func<DeploymentBuilder, DeploymentBuilder> probe, string[] expected)
    {
        var app = new AppDeclaration();
        probe(app.AddDeployment("web").WithImage("web:1"));

        var errors = app.Validate();

        ValidationAssert.ReportsExactly(problem, errors, expected);
    }

    [Fact]
    public void Validate_ProbesOnDeclaredPorts_Accepted()
    {
        var app = new AppDeclaration();
        app.AddDeployment("web").WithImage("web:1").WithPort(8080, "http").WithPort(9000)
            .WithReadinessProbe(Probe.ForHttpGet("/ready", "http"))
            .WithLivenessProbe(Probe.ForTcpSocket(9000))
            .WithStartupProbe(Probe.ForExec("cat", "/tmp/started") with { FailureThreshold = 30, PeriodSeconds = 1 });

        Assert.Empty(app.Validate());
    }

    [Fact]
    public void Probe_Defaults_AreKubernetes()
    {
        var probe = Probe.ForHttpGet("/healthz", 8080);

        Assert.Equal((0, 10, 1, 1, 3), (probe.InitialDelaySeconds, probe.PeriodSeconds, probe.TimeoutSeconds, probe.SuccessThreshold, probe.FailureThreshold));
        Assert.Equal(("/healthz", 8080, "HTTP"), (probe.HttpGet!.Path, probe.HttpGet.Port, probe.HttpGet.Scheme));
    }
}
