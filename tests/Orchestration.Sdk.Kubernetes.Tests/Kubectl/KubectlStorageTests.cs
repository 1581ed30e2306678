using System.Text.Json.Nodes;

namespace Orchestration.Sdk.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl on StatefulSets, PersistentVolumeClaims and CronJobs: apply them, read them as a real cluster prints them.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlStorageTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Yaml = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          replicas: 1
          serviceName: db
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: db
                image: postgres:16
                volumeMounts:
                - name: data
                  mountPath: /var/lib/db
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: cache
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 512Mi
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: report
                    image: report:1
        """;

    private KubectlRunner Kubectl => host.Kubectl;

    [Fact]
    public async Task Apply_StatefulSetClaimCronJob_GetShowsKubectlColumns_ClaimTemplateBound()
    {
        var applied = (await Kubectl.RunWithInputAsync(Yaml, "apply", "-f", "-")).Succeeded().Stdout;

        var claims = await Poll.UntilAsync(() => Kubectl.RunAsync("get", "pvc"), r => r.Stdout.Contains("data-db-0", StringComparison.Ordinal) && r.Stdout.Contains("Bound", StringComparison.Ordinal), "claim data-db-0 bound");
        await Poll.UntilAsync(() => Kubectl.RunAsync("get", "statefulsets"), r => r.Stdout.Contains("1/1", StringComparison.Ordinal), "db ready");
        var all = (await Kubectl.RunAsync("get", "statefulsets,pvc,cronjobs")).Succeeded().Stdout;
        var shortNames = (await Kubectl.RunAsync("get", "sts,pvc,cj", "-o", "name")).Succeeded().Stdout;
        var claim = JsonNode.Parse((await Kubectl.RunAsync("get", "pvc", "data-db-0", "-o", "json")).Succeeded().Stdout)!;
        var resources = (await Kubectl.RunAsync("api-resources", "--no-headers")).Succeeded().Stdout;

        Assert.Contains("statefulset.apps/db created", applied, StringComparison.Ordinal);
        Assert.Contains("persistentvolumeclaim/cache created", applied, StringComparison.Ordinal);
        Assert.Contains("cronjob.batch/nightly created", applied, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$", claims.Stdout);
        Assert.Matches(@"(?m)^data-db-0\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s+<unset>\s+\d+s$", claims.Stdout);
        Assert.Matches(@"(?m)^cache\s+Pending\s+<unset>\s+\d+s$", claims.Stdout);
        Assert.Matches(@"(?m)^NAME\s+READY\s+AGE\n(statefulset\.apps/)?db\s+1/1\s+\d+s$", all);
        Assert.Matches(@"(?m)^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\n(cronjob\.batch/)?nightly\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s$", all);
        Assert.Matches(@"(?m)^(persistentvolumeclaim/)?data-db-0\s+Bound", all);
        Assert.Equal(["statefulset.apps/db", "persistentvolumeclaim/cache", "persistentvolumeclaim/data-db-0", "cronjob.batch/nightly"],
            shortNames.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(n => n != "cronjob.batch/tick")); // the class's other test makes tick
        Assert.Equal(("Bound", "1Gi"), (claim["status"]!["phase"]!.GetValue<string>(), claim["status"]!["capacity"]!["storage"]!.GetValue<string>()));
        Assert.Equal("ReadWriteOnce", claim["spec"]!["accessModes"]![0]!.GetValue<string>());
        Assert.Matches(@"(?m)^persistentvolumeclaims\s+pvc\s+v1\s+true\s+PersistentVolumeClaim$", resources);
        Assert.Matches(@"(?m)^statefulsets\s+sts\s+apps/v1\s+true\s+StatefulSet$", resources);
        Assert.Matches(@"(?m)^cronjobs\s+cj\s+batch/v1\s+true\s+CronJob$", resources);
    }

    [Fact]
    public async Task KubectlCreateCronJob_GetShowsScheduleAndKubeApiserverDefaults()
    {
        (await Kubectl.RunAsync("create", "cronjob", "tick", "--image=tick:1", "--schedule=*/5 * * * *")).Succeeded();

        var table = (await Kubectl.RunAsync("get", "cj", "tick")).Succeeded().Stdout;
        var json = JsonNode.Parse((await Kubectl.RunAsync("get", "cronjob", "tick", "-o", "json")).Succeeded().Stdout)!;

        Assert.Matches(@"(?m)^tick\s+\*/5 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s$", table);
        Assert.Equal(("Allow", 3, 1), (json["spec"]!["concurrencyPolicy"]!.GetValue<string>(), json["spec"]!["successfulJobsHistoryLimit"]!.GetValue<int>(), json["spec"]!["failedJobsHistoryLimit"]!.GetValue<int>()));
        Assert.Equal("tick:1", json["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }
}
