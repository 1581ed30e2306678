namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>Manifests as the Kubernetes documentation writes them.</summary>
internal static class Manifests
{
    /// <summary>The Deployments concept page's nginx-deployment.yaml.</summary>
    public const string NginxDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
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

    public const string MultiDocument = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: game-config
        data:
          lives: "3"
          enemies: aliens
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: my-service
        spec:
          selector:
            app.kubernetes.io/name: MyApp
          ports:
            - protocol: TCP
              port: 80
              targetPort: 9376
        """;

    public const string InvalidReplicas = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bad
        spec:
          replicas: -1
          selector:
            matchLabels:
              app: bad
          template:
            metadata:
              labels:
                app: bad
            spec:
              containers:
              - name: bad
                image: nginx
        """;

    public const string UnknownField = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: strict
        spec:
          foo: bar
        """;
}
