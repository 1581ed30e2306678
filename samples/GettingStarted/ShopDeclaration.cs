using Orchestration.Sdk;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Declaration;

namespace GettingStarted;

/// <summary>The sample's declaration on the in-memory runtime: run in process, or published to a cluster.</summary>
internal static class ShopDeclaration
{
    public static void Declare(AppDeclaration app, string dbPassword)
    {
        app.AddSecret("db-credentials").WithValue("password", dbPassword);
        app.AddConfigMap("web-settings").WithValue("greeting", "hello from getting-started");
        var web = Web(app, "shop-web:1").WithReplicas(3);
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        var worker = app.AddDeployment("worker").WithImage("shop-worker:1")
            .WithResources(cpu: "500m", memory: "512Mi");
        app.AddAutoscaler("worker").Scaling(worker).WithReplicas(min: 1, max: 4)
            .WithCustomMetric(WorkQueue.MetricName, averagePerPod: "5")
            .WithScaleDown(new ScalingRules { StabilizationWindowSeconds = 6 }); // default 300 s
        app.AddDeployment("db").WithImage("postgres:16")
            .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password")
            .WithResources(cpu: "500m", memory: "1Gi")
            .WithPort(5432);
        app.AddDeployment("cache").WithImage("redis:7")
            .WithResources(cpu: "100m", memory: "128Mi")
            .WithPort(6379);
    }

    public static DeploymentBuilder Web(AppDeclaration app, string image) =>
        app.AddDeployment("web").WithImage(image)
            .WithEnvironmentFromConfigMap("GREETING", "web-settings", "greeting")
            .WithResources(cpu: "250m", memory: "256Mi")
            .WithPort(8080, name: "http")
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0);
}
