using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Testing.Chaos;

/// <summary>
/// The app a chaos run drives: web (3 replicas, readiness probe, rolling update 1 surge / 0 unavailable) behind a
/// service, a worker the run scales, an api under an autoscaler, a ConfigMap and a Secret the pods consume.
/// </summary>
internal static class ChaosApp
{
    /// <summary>The Secret's value; it must never appear in plaintext in the store file or the logs.</summary>
    public const string SecretValue = "chaos-secret-7f3a9c1e5b";

    public const int WebReplicas = 3;

    public static Action<AppDeclaration> Declare(string webImage, int workerReplicas) => app =>
    {
        app.AddConfigMap("settings").WithValue("mode", "chaos");
        app.AddSecret("credentials").WithValue("password", SecretValue);
        var web = app.AddDeployment("web").WithImage(webImage).WithReplicas(WebReplicas).WithPort(8080)
            .WithReadinessProbe(httpGet: "/healthz", port: 8080, periodSeconds: 2)
            .WithRollingUpdate(maxSurge: 1, maxUnavailable: 0)
            .WithEnvironmentFromSecret("PASSWORD", "credentials", "password");
        app.AddService("web").SelectingPodsOf(web).WithPort(80, targetPort: 8080);
        app.AddDeployment("worker").WithImage("worker:1").WithReplicas(workerReplicas);
        var api = app.AddDeployment("api").WithImage("api:1").WithReplicas(1);
        app.AddAutoscaler("api").Scaling(api).WithReplicas(min: 1, max: 3).WithCpuUtilization(70);
    };

    /// <summary>The image of web's version <paramref name="version"/>; a crashing one exits as soon as it starts.</summary>
    public static string WebImage(int version, bool crashing) => crashing ? $"web:{version}-crash" : $"web:{version}";

    /// <summary>Whether the pod is one of web's, by its app label.</summary>
    public static bool IsWeb(Pod pod) => pod.Metadata.Labels.TryGetValue("app", out var app) && app == "web";
}
