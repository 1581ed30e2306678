using k8s.Models;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Manifests.Compose;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Tests.Manifests.Compose;

/// <summary>A Compose project in a temporary folder (the Compose file, an env file, a config and a secret file), and reads of what it declares.</summary>
internal sealed class ComposeProject : IDisposable
{
    public const string Shop = """
        name: shop
        services:
          web:
            image: shop-web:2
            entrypoint: ["/app/web"]
            command: --listen 0.0.0.0:8080 --greeting "hello world"
            working_dir: /app
            environment:
              MODE: production
              PRICE: 5
            env_file: web.env
            ports:
              - "8080:8080"
              - target: 9090
            depends_on:
              db:
                condition: service_healthy
              cache:
                condition: service_started
            deploy:
              replicas: 3
              resources:
                limits: { cpus: "1.5", memory: 512m }
                reservations: { cpus: "0.25", memory: 256M }
            configs:
              - source: nginx
                target: /etc/nginx/nginx.conf
            stop_grace_period: 1m
          db:
            image: postgres:16
            environment:
              - POSTGRES_PASSWORD_FILE=/run/secrets/db_password
            expose: ["5432"]
            healthcheck:
              test: ["CMD", "pg_isready", "-U", "postgres"]
              interval: 10s
              timeout: 5s
              retries: 5
              start_period: 1m30s
            secrets: [db_password]
            restart: unless-stopped
          cache:
            image: redis:7
            command: ["redis-server", "--save", ""]
            depends_on: [db]
          migrate:
            image: shop-migrate:2
            restart: "no"
            healthcheck:
              test: pg_isready -h db
        configs:
          nginx:
            file: ./nginx.conf
        secrets:
          db_password:
            file: ./db_password.txt
        x-notes: ignored by Compose and by the SDK
        """;

    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("compose-").FullName;

    public ComposeProject(string compose = Shop)
    {
        File.WriteAllText(FilePath, compose);
        File.WriteAllText(Path.Combine(_dir, "web.env"), "# settings\nMODE=from-file\nexport REGION='eu west'\nLOG=debug # inline comment\n\n");
        File.WriteAllText(Path.Combine(_dir, "nginx.conf"), "events {}\n");
        File.WriteAllText(Path.Combine(_dir, "db_password.txt"), "s3cret");
    }

    public string FilePath => Path.Combine(_dir, "docker-compose.yml");

    public string Directory => _dir;

    public AppDeclaration Declare() => new AppDeclaration().AddCompose(FilePath);

    public static T Wire<T>(IReadOnlyList<Resource> objects, string kind, string name)
    {
        var resource = objects.Single(o => o.Kind == kind && o.Metadata.Name == name);
        return (T)ApiKinds.All.First(k => k.Kind == kind && k.Writable).ToWire(resource);
    }

    public static V1Container Container(IReadOnlyList<Resource> objects, string deployment) =>
        Assert.Single(Wire<V1Deployment>(objects, "Deployment", deployment).Spec.Template.Spec.Containers);

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);
}
