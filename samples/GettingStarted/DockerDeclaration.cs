using Microsoft.Extensions.Configuration;
using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Storage;

namespace GettingStarted;

/// <summary>
/// The sample's declaration on Docker (what <c>DockerApp</c> runs): web behind a host-exposed service, the
/// autoscaled worker, db as a StatefulSet with a claim and a headless service, and cache. Kept apart from the host so
/// that the manifests tests export and re-import exactly this declaration, not a copy of it.
/// </summary>
internal static class DockerDeclaration
{
    /// <summary>The tiny image every container runs (FROM scratch + the host's static busybox).</summary>
    public const string Image = "getting-started/busybox:local";

    /// <summary>Declares the app.</summary>
    /// <param name="app">The declaration to add to.</param>
    /// <param name="configuration">Where db's password comes from (key <c>Db:Password</c>).</param>
    /// <param name="imageContext">The directory the SDK builds <see cref="Image"/> from when the engine lacks it.</param>
    public static void Declare(AppDeclaration app, IConfiguration configuration, string imageContext)
    {
        app.AddSecret("db-credentials").FromConfiguration(configuration, "Db:Password", key: "password");
        app.AddConfigMap("web-settings").WithValue("greeting", "hello from getting-started");
        var web = Web(app, imageContext, "v1").WithReplicas(3);
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080).ExposedOnHost();

        // The worker calls the web service by name, twice a second, and logs each answer.
        var worker = Busybox(app.AddDeployment("worker"), imageContext, "sh", "-c",
                "while :; do wget -q -O- http://web/ || echo 'web did not answer'; sleep 0.5; done")
            .WithResources(cpu: "50m", memory: "16Mi");
        app.AddAutoscaler("worker").Scaling(worker).WithReplicas(min: 1, max: 4)
            .WithCustomMetric(WorkQueue.MetricName, averagePerPod: "5")
            .WithScaleDown(new ScalingRules { StabilizationWindowSeconds = 6 }); // default 300 s

        // The database: a one-replica StatefulSet whose pod db-0 gets its own claim data-db-0 (a Docker named volume
        // labelled with the app and the claim). Each start appends a row to /var/lib/db/rows and prints the table, so
        // its log shows whether the rows of earlier pods survived. It also checks that its password arrived, as a
        // variable and as a file on tmpfs, without printing it.
        var db = app.AddStatefulSet("db").WithImage(Image).WithImageBuiltFrom(imageContext)
            .WithCommand("/bin/busybox", "sh", "-c",
                "p=$(cat /run/secrets/db/password); [ \"$p\" = \"$DB_PASSWORD\" ] && echo \"db: password from Secret db-credentials arrived as DB_PASSWORD and as /run/secrets/db/password (${#p} characters, the two agree)\"; "
                + "ls -l /run/secrets/db/password; grep ' /run/secrets/db ' /proc/mounts; "
                + "echo \"row written by pod $(cat /etc/hostname) at $(date -u +%T)\" >> /var/lib/db/rows; echo 'db: table rows:'; cat /var/lib/db/rows; exec sleep 3600")
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1))
            .WithEnvironmentFromSecret("DB_PASSWORD", "db-credentials", "password")
            .WithSecretFiles("db-credentials", "/run/secrets/db")
            .WithResources(cpu: "100m", memory: "32Mi")
            .WithPort(5432)
            .WithVolumeClaimTemplate("data", "64Mi", "/var/lib/db", reclaimPolicy: PersistentVolumeReclaimPolicy.Delete)
            .WithServiceName("db");
        // Headless: no proxy address; db-0 answers to db-0.db in every pod, as StatefulSet replicas do in Kubernetes.
        app.AddService("db").SelectingPodsOf(db).WithPort(5432).Headless();
        Busybox(app.AddDeployment("cache"), imageContext, "sleep", "3600")
            .WithResources(cpu: "100m", memory: "16Mi")
            .WithPort(6379);
    }

    /// <summary>web: busybox httpd on 8080 whose page says its version, the ConfigMap's greeting and the pod's name.</summary>
    public static DeploymentBuilder Web(AppDeclaration app, string imageContext, string version) =>
        Busybox(app.AddDeployment("web"), imageContext, "sh", "-c",
                "mkdir -p /tmp/www && echo \"$VERSION: $(cat /etc/web/greeting) (pod $(cat /etc/hostname))\" > /tmp/www/index.html && exec /bin/busybox httpd -f -p 8080 -h /tmp/www")
            .WithEnvironment("VERSION", version)
            .WithConfigMapFiles("web-settings", "/etc/web")
            .WithResources(cpu: "100m", memory: "16Mi", memoryLimit: "64Mi")
            .WithPort(8080, name: "http")
            .WithReadinessProbe(httpGet: "/", port: 8080, periodSeconds: 1)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            // The schema migration runs to completion in every web pod before web starts (an init container); a failing
            // one would be retried with back-off and web would wait (the pod shows Init:0/1, Init:CrashLoopBackOff).
            .WithInitContainer("migrate", c => c.WithImage(Image).WithCommand(
                "/bin/busybox", "sh", "-c", "echo \"migrate: schema $VERSION applied at $(date -u +%T), before web started\"").WithEnvironment("VERSION", version));

    private static DeploymentBuilder Busybox(DeploymentBuilder deployment, string imageContext, params string[] command) =>
        deployment.WithImage(Image)
            .WithImageBuiltFrom(imageContext)
            .WithCommand(["/bin/busybox", .. command])
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(1)); // busybox as PID 1 ignores SIGTERM: do not wait 30 s
}
