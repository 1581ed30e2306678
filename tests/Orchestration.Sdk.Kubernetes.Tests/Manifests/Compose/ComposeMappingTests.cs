using k8s.Models;
using Orchestration.Sdk.Manifests;
using Orchestration.Sdk.Manifests.Compose;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Compose;

/// <summary>Each Compose field of the mapping table, read from one project.</summary>
public sealed class ComposeMappingTests : IDisposable
{
    private readonly ComposeProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void AddCompose_Project_DeclaresTheObjectsInOrder()
    {
        var objects = _project.Declare().Build();

        Assert.Equal(
            ["ConfigMap/web-configs", "Secret/db-secrets", "Deployment/web", "Service/web", "Deployment/db", "Service/db", "Deployment/cache", "Pod/migrate"],
            objects.Select(o => $"{o.Kind}/{o.Metadata.Name}"));
    }

    [Fact]
    public void AddCompose_EntrypointAndCommand_BecomeCommandAndArgs_StringFormSplitLikeAShell()
    {
        var objects = _project.Declare().Build();

        var web = ComposeProject.Container(objects, "web");
        Assert.Equal("shop-web:2", web.Image);
        Assert.Equal(["/app/web"], web.Command);
        Assert.Equal(["--listen", "0.0.0.0:8080", "--greeting", "hello world"], web.Args);
        Assert.Equal("/app", web.WorkingDir);
        Assert.Equal(["redis-server", "--save", ""], ComposeProject.Container(objects, "cache").Args);
    }

    [Fact]
    public void AddCompose_EnvironmentMapListAndEnvFile_EnvironmentWinsOverTheFile()
    {
        var objects = _project.Declare().Build();

        var env = ComposeProject.Container(objects, "web").Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("production", env["MODE"]);
        Assert.Equal("5", env["PRICE"]);
        Assert.Equal("eu west", env["REGION"]);
        Assert.Equal("debug", env["LOG"]);
        Assert.Equal("/run/secrets/db_password", ComposeProject.Container(objects, "db").Env.Single().Value);
    }

    [Fact]
    public void AddCompose_PortsAndExpose_BecomeContainerPortsAndAServicePublishedPortsOnTheHost()
    {
        var objects = _project.Declare().Build();

        var web = ComposeProject.Wire<V1Service>(objects, "Service", "web");
        Assert.Equal("NodePort", web.Spec.Type);
        Assert.Equal([(8080, 8080, (int?)8080), (9090, 9090, null)], web.Spec.Ports.Select(p => (p.Port, int.Parse(p.TargetPort.Value), p.NodePort)));
        Assert.Equal([8080, 9090], ComposeProject.Container(objects, "web").Ports.Select(p => p.ContainerPort));
        var db = ComposeProject.Wire<V1Service>(objects, "Service", "db");
        Assert.Equal("ClusterIP", db.Spec.Type);
        Assert.Equal(5432, Assert.Single(db.Spec.Ports).Port);
        Assert.DoesNotContain(objects, o => o.Kind == "Service" && o.Metadata.Name == "cache");
    }

    [Fact]
    public void AddCompose_Healthcheck_BecomesAnExecReadinessProbeWithItsTimingInSeconds()
    {
        var objects = _project.Declare().Build();

        var db = ComposeProject.Container(objects, "db");
        Assert.Equal(["pg_isready", "-U", "postgres"], db.ReadinessProbe.Exec.Command);
        Assert.Equal((10, 5, 5, 90), (db.ReadinessProbe.PeriodSeconds, db.ReadinessProbe.TimeoutSeconds, db.ReadinessProbe.FailureThreshold, db.ReadinessProbe.InitialDelaySeconds));
        Assert.Null(db.LivenessProbe);
        var migrate = Assert.Single(ComposeProject.Wire<V1Pod>(objects, "Pod", "migrate").Spec.Containers);
        Assert.Equal(["/bin/sh", "-c", "pg_isready -h db"], migrate.ReadinessProbe.Exec.Command);
        Assert.Equal((30, 30), (migrate.ReadinessProbe.PeriodSeconds, migrate.ReadinessProbe.TimeoutSeconds));
    }

    [Fact]
    public void AddCompose_DeployReplicasResourcesAndGracePeriod_BecomeTheDeploymentsFields()
    {
        var objects = _project.Declare().Build();

        var web = ComposeProject.Wire<V1Deployment>(objects, "Deployment", "web");
        Assert.Equal(3, web.Spec.Replicas);
        Assert.Equal(60, web.Spec.Template.Spec.TerminationGracePeriodSeconds);
        var resources = web.Spec.Template.Spec.Containers[0].Resources;
        Assert.Equal(("1500m", "512Mi"), (resources.Limits["cpu"].ToString(), resources.Limits["memory"].ToString()));
        Assert.Equal(("250m", "256Mi"), (resources.Requests["cpu"].ToString(), resources.Requests["memory"].ToString()));
    }

    [Fact]
    public void AddCompose_Restart_NoBecomesAPodThatIsNotRestarted_UnlessStoppedADeployment()
    {
        var objects = _project.Declare().Build();

        Assert.Equal("Never", ComposeProject.Wire<V1Pod>(objects, "Pod", "migrate").Spec.RestartPolicy);
        Assert.Equal("Always", ComposeProject.Wire<V1Deployment>(objects, "Deployment", "db").Spec.Template.Spec.RestartPolicy);
    }

    [Fact]
    public void AddCompose_DependsOn_IsRecordedWithItsConditionOnTheDeployment()
    {
        var objects = _project.Declare().Build();

        Assert.Equal("db:service_healthy,cache:service_started", ComposeProject.Wire<V1Deployment>(objects, "Deployment", "web").Metadata.Annotations[ComposeDeclarationExtensions.DependsOnAnnotation]);
        Assert.Equal("db:service_started", ComposeProject.Wire<V1Deployment>(objects, "Deployment", "cache").Metadata.Annotations[ComposeDeclarationExtensions.DependsOnAnnotation]);
    }

    [Fact]
    public void AddCompose_ConfigsAndSecrets_BecomeAConfigMapAndASecretMountedAtTheTargetsFolder()
    {
        var objects = _project.Declare().Build();

        Assert.Equal("events {}\n", ComposeProject.Wire<V1ConfigMap>(objects, "ConfigMap", "web-configs").Data["nginx.conf"]);
        Assert.Equal("s3cret", System.Text.Encoding.UTF8.GetString(ComposeProject.Wire<V1Secret>(objects, "Secret", "db-secrets").Data["db_password"]));
        var web = ComposeProject.Wire<V1Deployment>(objects, "Deployment", "web").Spec.Template.Spec;
        Assert.Equal("/etc/nginx", Assert.Single(web.Containers[0].VolumeMounts).MountPath);
        Assert.Equal("web-configs", Assert.Single(web.Volumes).ConfigMap.Name);
        var db = ComposeProject.Wire<V1Deployment>(objects, "Deployment", "db").Spec.Template.Spec;
        Assert.Equal("/run/secrets", Assert.Single(db.Containers[0].VolumeMounts).MountPath);
        Assert.Equal("db-secrets", Assert.Single(db.Volumes).Secret.SecretName);
    }

    [Fact]
    public void AddCompose_TextAndStream_DeclareTheSameAsTheFile()
    {
        var fromFile = _project.Declare().Build();
        var text = File.ReadAllText(_project.FilePath);

        var fromText = new AppDeclaration().AddComposeFromText(text, baseDirectory: _project.Directory).Build();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var fromStream = new AppDeclaration().AddCompose(stream, baseDirectory: _project.Directory).Build();

        Assert.Equal(fromFile, fromText);
        Assert.Equal(fromFile, fromStream);
    }

    [Fact]
    public void ComposeThenExportThenImport_GivesAnEqualDeclaration()
    {
        var declared = _project.Declare().Build();

        var yaml = ManifestExporter.Export(_project.Declare(), new ManifestExportOptions { IncludeSecretValues = true });
        var imported = new AppDeclaration().AddManifestsFromText(yaml, "compose-export.yaml").Build();

        Assert.Equal(declared.Select(o => o.ToString()), imported.Select(o => o.ToString()));
        Assert.Equal(declared, imported);
    }

    [Fact]
    public void AddCompose_Volumes_NamedIsAClaim_AnonymousAndTmpfsAreEmptyDirs()
    {
        const string Yaml = """
            services:
              db:
                image: postgres:16
                volumes:
                  - db_data:/var/lib/db
                  - shared:/shared:ro
                  - /scratch
                  - { type: tmpfs, target: /cache }
                tmpfs: /run
              report:
                image: report:1
                volumes: [{ type: volume, source: shared, target: /in, read_only: true }]
            volumes:
              db_data:
              shared: { driver: local }
              unused: {}
            """;

        var objects = new AppDeclaration().AddComposeFromText(Yaml, "compose.yaml").Build();

        Assert.Equal(["PersistentVolumeClaim/db-data", "PersistentVolumeClaim/shared", "Deployment/db", "Deployment/report"], objects.Select(o => $"{o.Kind}/{o.Metadata.Name}"));
        var claim = ComposeProject.Wire<V1PersistentVolumeClaim>(objects, "PersistentVolumeClaim", "db-data");
        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);
        Assert.Equal("1Gi", claim.Spec.Resources.Requests["storage"].ToString());
        var pod = ComposeProject.Wire<V1Deployment>(objects, "Deployment", "db").Spec.Template.Spec;
        Assert.Equal(
            [("db-data", "db-data", null), ("shared", "shared", null), ("volume-3", null, ""), ("tmpfs-4", null, "Memory"), ("tmpfs-5", null, "Memory")],
            pod.Volumes.Select(v => (v.Name, v.PersistentVolumeClaim?.ClaimName, v.EmptyDir is null ? null : v.EmptyDir.Medium ?? "")));
        Assert.Equal(
            [("db-data", "/var/lib/db", (bool?)null), ("shared", "/shared", true), ("volume-3", "/scratch", null), ("tmpfs-4", "/cache", null), ("tmpfs-5", "/run", null)],
            pod.Containers[0].VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty)));
        var report = ComposeProject.Container(objects, "report");
        Assert.Equal(("shared", "/in", (bool?)true), (report.VolumeMounts[0].Name, report.VolumeMounts[0].MountPath, report.VolumeMounts[0].ReadOnlyProperty));
    }
}
