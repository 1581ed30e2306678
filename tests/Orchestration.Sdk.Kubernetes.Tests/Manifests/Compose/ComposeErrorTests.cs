using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Manifests.Compose;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Compose;

/// <summary>Every Compose field without an equivalent, and every bad value, is an error naming the service and the field; nothing is added.</summary>
public sealed class ComposeErrorTests
{
    [Theory]
    [InlineData("build: .", "build", "Forbidden: build has no equivalent")]
    [InlineData("network_mode: host", "network_mode", "Forbidden: networks have no equivalent")]
    [InlineData("privileged: true", "privileged", "Forbidden: privileged has no equivalent in Orchestration.Sdk")]
    [InlineData("volumes: [\"./data:/var/lib/data\"]", "volumes[0]", "Forbidden: bind mount of \"./data\" has no equivalent: it would be a hostPath volume, which is opt-in and unsafe")]
    [InlineData("volumes: [\"/srv/data:/var/lib/data:ro\"]", "volumes[0]", "hostPath volume, which is opt-in and unsafe")]
    [InlineData("volumes: [\"data:/var/lib/data\"]", "volumes[0]", "no top-level volume of that name is declared")]
    [InlineData("volumes: [\"/cache:/cache:z\"]", "volumes[0]", "access mode \"z\" has no equivalent")]
    [InlineData("volumes: [{ type: npipe, source: x, target: /x }]", "volumes[0].type", "volume type \"npipe\" has no equivalent")]
    [InlineData("volumes: [\"relative\"]", "volumes[0]", "the target must be an absolute path")]
    [InlineData("tmpfs: \"/run:size=64m\"", "tmpfs", "Forbidden: \"/run:size=64m\": tmpfs options have no equivalent")]
    [InlineData("volumes_from: [other]", "volumes_from", "Forbidden: volumes_from has no equivalent")]
    [InlineData("imagee: web:1", "imagee", "unknown field \"imagee\": the Compose specification has no such field")]
    [InlineData("ports: [\"127.0.0.1:8080:80\"]", "ports[0]", "Forbidden: a host IP (\"127.0.0.1\") has no equivalent")]
    [InlineData("ports: [\"8000-8010:8000-8010\"]", "ports[0]", "port ranges are not supported")]
    [InlineData("ports: [\"53:53/udp\"]", "ports[0]", "UDP has no Service equivalent")]
    [InlineData("ports: [{ target: 80, host_ip: 0.0.0.0 }]", "ports[0].host_ip", "Forbidden")]
    [InlineData("ports: [{ published: 80 }]", "ports[0].target", "Required value")]
    [InlineData("restart: on-failure:3", "restart", "a retry limit has no equivalent")]
    [InlineData("restart: sometimes", "restart", "must be no, always, on-failure or unless-stopped")]
    [InlineData("restart: \"no\"\n    deploy: { replicas: 2 }", "restart", "cannot have 2 replicas")]
    [InlineData("healthcheck: { test: [\"CMD\", \"true\"], interval: 500ms }", "healthcheck.interval", "must be a duration in whole seconds")]
    [InlineData("healthcheck: { test: [\"CMD\", \"true\"], interval: soon }", "healthcheck.interval", "Invalid value: \"soon\"")]
    [InlineData("healthcheck: { test: [\"CMD\", \"true\"], start_interval: 5s }", "healthcheck.start_interval", "Forbidden")]
    [InlineData("healthcheck: { test: [\"RUN\", \"true\"] }", "healthcheck.test", "must be [\"CMD\", args...]")]
    [InlineData("healthcheck: { interval: 5s }", "healthcheck.test", "Required value")]
    [InlineData("deploy: { mode: global }", "deploy.mode", "a DaemonSet is not supported")]
    [InlineData("deploy: { placement: { constraints: [\"node.role==manager\"] } }", "deploy.placement", "Forbidden")]
    [InlineData("deploy: { replicas: -1 }", "deploy.replicas", "must be a whole number >= 0")]
    [InlineData("deploy: { resources: { limits: { cpus: lots } } }", "deploy.resources.limits.cpus", "must be a positive number of CPUs")]
    [InlineData("deploy: { resources: { limits: { memory: 1tb } } }", "deploy.resources.limits.memory", "must be a byte size")]
    [InlineData("deploy: { resources: { limits: { pids: 10 } } }", "deploy.resources.limits.pids", "Forbidden")]
    [InlineData("environment: [\"HOME\"]", "environment[0]", "a variable taken from the host's environment has no equivalent")]
    [InlineData("environment: { TAG: \"${TAG}\" }", "environment.TAG", "variable interpolation")]
    [InlineData("command: \"echo 'unclosed\"", "command", "a quote is not closed")]
    [InlineData("depends_on: [nobody]", "depends_on[0]", "no service of that name is declared")]
    [InlineData("depends_on: { other: { condition: service_healthy } }", "depends_on.other.condition", "has no healthcheck")]
    [InlineData("depends_on: { other: { condition: service_completed_successfully } }", "depends_on.other.condition", "needs a Job or an init container")]
    [InlineData("configs: [missing]", "configs[0]", "no top-level config of that name is declared")]
    [InlineData("env_file: nothing-here.env", "env_file", "no such file")]
    [InlineData("stop_grace_period: 1.5", "stop_grace_period", "must be a duration")]
    public void AddCompose_FieldWithoutEquivalentOrBadValue_NamesTheServiceAndTheField(string field, string path, string message)
    {
        var yaml = $"services:\n  web:\n    image: web:1\n    {field}\n  other:\n    image: other:1\n";
        var app = new AppDeclaration();

        var error = Assert.Throws<ManifestException>(() => app.AddComposeFromText(yaml, "compose.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("compose.yaml", "service", "web", path), (problem.Source, problem.Kind, problem.Name, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"compose.yaml (service \"web\"): {path}: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(app.Builders);
    }

    [Theory]
    [InlineData("volumes:\n  data: { driver: nfs }", "driver", "Forbidden: driver \"nfs\" has no equivalent")]
    [InlineData("volumes:\n  data: { driver_opts: { type: nfs } }", "driver_opts", "Forbidden: driver_opts has no equivalent")]
    [InlineData("volumes:\n  data: { external: true }", "external", "Forbidden: external has no equivalent")]
    [InlineData("volumes:\n  Bad.Name: {}", "volumes.Bad.Name", "must become a DNS-1123 label")]
    [InlineData("networks:\n  front: {}", "networks", "Forbidden: networks have no equivalent")]
    [InlineData("service:\n  web: {}", "service", "unknown field \"service\"")]
    [InlineData("configs:\n  nginx: { external: true }", "external", "Forbidden: external has no equivalent")]
    [InlineData("secrets:\n  key: { file: ./does-not-exist }", "file", "no such file")]
    [InlineData("secrets:\n  key: {}", "file", "Required value")]
    public void AddCompose_TopLevelFieldWithoutEquivalent_NamesTheField(string topLevel, string path, string message)
    {
        var yaml = $"services:\n  web:\n    image: web:1\n{topLevel}\n";
        var app = new AppDeclaration();

        var error = Assert.Throws<ManifestException>(() => app.AddComposeFromText(yaml, "compose.yaml", Path.GetTempPath()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(app.Builders);
    }

    [Fact]
    public void AddCompose_SeveralProblems_AreAllReportedAndNothingIsAdded()
    {
        const string yaml = """
            services:
              web:
                build: .
                privileged: true
              db:
                image: postgres:16
                volumes: ["pg:/var/lib/postgresql/data"]
            """;
        var app = new AppDeclaration();

        var error = Assert.Throws<ManifestException>(() => app.AddComposeFromText(yaml));

        Assert.Equal(["web build", "web privileged", "db volumes[0]"], error.Problems.Select(p => $"{p.Name} {p.Field}"));
        Assert.Empty(app.Builders);
    }

    [Theory]
    [InlineData("deploy: { replicas: 2 }")]
    [InlineData("scale: 3")]
    public void AddCompose_NamedVolumeWithSeveralReplicas_IsAnError(string replicas)
    {
        var yaml = $"services:\n  db:\n    image: postgres:16\n    volumes: [\"data:/var/lib/db\"]\n    {replicas}\nvolumes:\n  data:\n";

        var error = Assert.Throws<ManifestException>(() => new AppDeclaration().AddComposeFromText(yaml, "compose.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("db", "volumes"), (problem.Name, problem.Field));
        Assert.Contains("a named volume is one ReadWriteOnce PersistentVolumeClaim", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("services:\n  Web_1:\n    image: web:1\n", "services.Web_1", "must be a DNS-1123 label")]
    [InlineData("services: {}\n", "services", "Required value")]
    [InlineData("services:\n  web: [\n", "", "invalid YAML")]
    public void AddCompose_FileLevelProblems_AreReported(string yaml, string path, string message)
    {
        var error = Assert.Throws<ManifestException>(() => new AppDeclaration().AddComposeFromText(yaml));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompose_EscapedDollarAndExtensions_AreAccepted()
    {
        const string yaml = """
            services:
              web:
                image: web:1
                environment: { PRICE: "$$5" }
                x-owner: team-a
            """;

        var objects = new AppDeclaration().AddComposeFromText(yaml).Build();

        Assert.Equal("$5", ComposeProject.Container(objects, "web").Env.Single().Value);
    }
}
