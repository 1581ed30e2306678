using System.Text;
using Microsoft.Extensions.Configuration;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Configuration;

/// <summary>ConfigMaps and Secrets declared from literals, files and IConfiguration, and Kubernetes' rules for their data.</summary>
public class ConfigDeclarationTests
{
    private const string ConfigKeyRule = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    public static TheoryData<string, Action<AppDeclaration>, string[]> BadDeclarations => new()
    {
        {
            "invalid key",
            app => app.AddConfigMap("web-settings").WithValue("log level", "debug"),
            [$"configmaps[web-settings].data[log level]: Invalid value: \"log level\": {ConfigKeyRule}"]
        },
        {
            "key '..x'",
            app => app.AddSecret("db-credentials").WithValue("..x", "p"),
            ["secrets[db-credentials].data[..x]: Invalid value: \"..x\": must not start with '..'"]
        },
        {
            "duplicate key",
            app => app.AddSecret("db-credentials").WithValue("password", "a").WithValue("password", "b"),
            ["secrets[db-credentials].data[password]: Duplicate value: \"password\""]
        },
        {
            "over 1 MiB",
            app => app.AddConfigMap("big").WithValue("a", new string('x', 600_000)).WithValue("b", new string('y', 600_000)),
            ["configmaps[big].data: Too long: must have at most 1048576 bytes"]
        },
        {
            "secret over 1 MiB",
            app => app.AddSecret("big").WithValue("a", new byte[1_048_577]),
            ["secrets[big].data: Too long: must have at most 1048576 bytes"]
        },
        {
            "missing configuration value",
            app => app.AddSecret("db-credentials").FromConfiguration(new ConfigurationBuilder().Build(), "Db:Password", key: "password"),
            ["secrets[db-credentials].data[password]: Required value: the configuration has no value at \"Db:Password\""]
        },
        {
            "missing file",
            app => app.AddConfigMap("web-settings").FromFile("/nonexistent/appsettings.json"),
            ["configmaps[web-settings].data[appsettings.json]: Invalid value: \"/nonexistent/appsettings.json\": no such file or directory"]
        },
        {
            "name not a subdomain",
            app => app.AddConfigMap("Web_Settings").WithValue("a", "b"),
            ["configmaps[Web_Settings].metadata.name: Invalid value: \"Web_Settings\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
        },
        {
            "bad secret key reference",
            app => app.AddDeployment("web").WithImage("web:1").WithEnvironmentFromSecret("PW", "db-credentials", "pass word"),
            [$"deployments[web].spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: Invalid value: \"pass word\": {ConfigKeyRule}"]
        },
        {
            "empty config map name",
            app => app.AddDeployment("web").WithImage("web:1").WithEnvironmentFromConfigMap(string.Empty, prefix: "X_"),
            ["deployments[web].spec.template.spec.containers[0].envFrom[0].configMapRef.name: Required value"]
        },
        {
            "relative and duplicate mount paths",
            app => app.AddDeployment("web").WithImage("web:1").WithConfigMapFiles("a", "etc/web").WithSecretFiles("b", "/run/s").WithSecretFiles("c", "/run/s/"),
            [
                "deployments[web].spec.template.spec.containers[0].configFiles[0].mountPath: Invalid value: \"etc/web\": must be an absolute path",
                "deployments[web].spec.template.spec.containers[0].configFiles[2].mountPath: Invalid value: \"/run/s/\": must be unique",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validate_BadConfigData_ReportsKubernetesWords(string because, Action<AppDeclaration> declare, string[] expected)
    {
        var app = new AppDeclaration();
        declare(app);

        var errors = app.Validate().Select(e => e.ToString()).ToArray();

        Assert.True(expected.SequenceEqual(errors), $"{because}: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void Build_ValuesFromLiteralFileAndConfiguration_AllArrive()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"a\":1}");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Db:Password"] = "hunter2",
                ["Web:Logging:Level"] = "debug",
                ["Web:Title"] = "Shop",
            }).Build();
            var app = new AppDeclaration();
            app.AddSecret("db-credentials").FromConfiguration(configuration, "Db:Password", key: "password").WithValue("user", "app");
            app.AddConfigMap("web-settings").FromConfigurationSection(configuration, "Web").FromFile(file, "settings.json").WithValue("MODE", "prod");

            var objects = app.Build();

            var secret = Assert.IsType<Secret>(objects[0]);
            Assert.Equal("hunter2", secret.Data["password"].GetString());
            Assert.Equal("app", secret.Data["user"].GetString());
            var configMap = Assert.IsType<ConfigMap>(objects[1]);
            Assert.Equal("debug", configMap.Data["Logging.Level"]);
            Assert.Equal("Shop", configMap.Data["Title"]);
            Assert.Equal("{\"a\":1}", configMap.Data["settings.json"]);
            Assert.Equal("prod", configMap.Data["MODE"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ToString_SecretAndPodReferencingIt_NeverShowValue()
    {
        var app = new AppDeclaration();
        app.AddSecret("db-credentials").WithValue("password", "hunter2");
        app.AddDeployment("db").WithImage("postgres:16")
            .WithEnvironmentFromSecret("POSTGRES_PASSWORD", "db-credentials", "password")
            .WithSecretFiles("db-credentials", "/run/secrets");

        var objects = app.Build();
        var text = string.Join("\n", objects.Select(o => o.ToString()));

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("password = [REDACTED]", text, StringComparison.Ordinal);
        var container = ((Deployment)objects[1]).Spec.Template!.Spec!.Containers[0];
        Assert.Equal(new KeySelector("db-credentials", "password"), container.Env[0].ValueFrom!.SecretKeyRef);
        Assert.Equal(string.Empty, container.Env[0].Value);
        Assert.DoesNotContain("hunter2", container.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValue_ToStringAndJson_AreRedacted()
    {
        var value = SecretValue.FromBytes(Encoding.UTF8.GetBytes("hunter2"));

        Assert.Equal("[REDACTED]", value.ToString());
        Assert.Equal("\"[REDACTED]\"", System.Text.Json.JsonSerializer.Serialize(value));
        Assert.Equal("[REDACTED]", $"{value}");
    }
}
