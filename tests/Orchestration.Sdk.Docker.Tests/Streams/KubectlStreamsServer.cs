using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Sdk.Kubernetes.Streams;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.Streams;

namespace Orchestration.Sdk.Docker.Tests.Streams;

/// <summary>
/// Just enough of the Kubernetes API over plain HTTP on 127.0.0.1 for the real kubectl to run <c>exec</c> and
/// <c>logs</c> against one pod: GET of the pod (a minimal hand-written object) and the two subresources. The
/// full server (TLS, tokens, discovery) is another component's; this isolates the stream handlers.
/// </summary>
internal sealed class KubectlStreamsServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-streams-").FullName;

    private KubectlStreamsServer(IHost host) => _host = host;

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public static async Task<KubectlStreamsServer> StartAsync(IPodStreams streams, Pod pod)
    {
        var podPath = $"/api/v1/namespaces/default/pods/{pod.Metadata.Name}";
        var exec = new PodExecHandler(streams);
        var log = new PodLogHandler(streams, TimeProvider.System);
        var host = new HostBuilder()
            .ConfigureWebHost(web => web.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0)).Configure(app =>
            {
                app.UseWebSockets();
                app.Run(context => context.Request.Path.Value switch
                {
                    "/api" => Json(context, """{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}"""),
                    "/apis" => Json(context, """{"kind":"APIGroupList","apiVersion":"v1","groups":[]}"""),
                    "/api/v1" => Json(context, """{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"]},{"name":"pods/exec","singularName":"","namespaced":true,"kind":"PodExecOptions","verbs":["create","get"]},{"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]}]}"""),
                    var p when p == podPath => context.Response.WriteAsJsonAsync(PodJson(pod)),
                    var p when p == podPath + "/exec" => exec.HandleAsync(context, pod),
                    var p when p == podPath + "/log" => log.HandleAsync(context, pod),
                    _ => NotFound(context),
                });
            }))
            .Build();
        await host.StartAsync();
        var server = new KubectlStreamsServer(host);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await File.WriteAllTextAsync(server.Kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: t, cluster: {server: "{{{address}}}"}}]
            users: [{name: t, user: {token: t}}]
            contexts: [{name: t, context: {cluster: t, user: t, namespace: default}}]
            current-context: t
            """);
        return server;
    }

    /// <summary>Runs kubectl with this server's kubeconfig; returns its exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("--kubeconfig=" + Kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static JsonObject PodJson(Pod pod) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = pod.Metadata.Name, ["namespace"] = "default", ["uid"] = pod.Metadata.Uid },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray([.. pod.Spec.Containers.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["image"] = c.Image })]),
        },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    private static Task Json(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404, ["message"] = "not found",
        });
    }
}
