namespace Orchestration.Sdk.Kubernetes.Tests.Manifests;

/// <summary>Manifests written as kubernetes.io writes them (the nginx Deployment and Service of the concept pages).</summary>
internal static class DocumentationManifests
{
    public const string NginxDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
        """;

    public const string NginxService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
        spec:
          selector:
            app: nginx
          ports:
            - protocol: TCP
              port: 80
              targetPort: 80
        """;

    public const string Settings = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          greeting: hello
          retries: "3"
        """;

    /// <summary>The fluent declaration equal to <see cref="NginxDeployment"/> and <see cref="NginxService"/>.</summary>
    public static AppDeclaration FluentNginx()
    {
        var app = new AppDeclaration();
        var nginx = app.AddDeployment("nginx").WithImage("nginx:1.14.2").WithReplicas(3).WithPort(80);
        app.AddService("nginx").SelectingPodsOf(nginx).WithPort(80, targetPort: 80);
        return app;
    }
}
