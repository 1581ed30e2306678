using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Diagnostics;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

/// <summary>Listens to the SDK's ActivitySource, which is process-wide: runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerTracingCollection
{
    public const string Name = "Docker tracing";
}

/// <summary>Each Engine call is one "docker {operation}" client span, a child of the current span.</summary>
[Collection(DockerTracingCollection.Name)]
public sealed class DockerCallPolicyTracingTests
{
    private static readonly Uri Endpoint = new("unix:///var/run/docker.sock");

    [Fact]
    public async Task Execute_UnderAParentSpan_RecordsAChildClientSpanWithOperationAndAttempts()
    {
        var spans = new List<Activity>();
        using var listener = Listen(spans);
        using var parent = new ActivitySource(OrchestrationTelemetry.ActivitySourceName).StartActivity("runtime CreateContainer");
        var policy = new DockerCallPolicy(Endpoint, new FakeTimeProvider(), TimeSpan.FromSeconds(30), 3, NullLogger.Instance);

        Assert.Equal(42, await policy.ExecuteAsync("create container", _ => Task.FromResult(42), CancellationToken.None));

        var span = Assert.Single(spans, s => s.DisplayName == "docker create container");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(parent!.SpanId, span.ParentSpanId);
        Assert.Equal("create container", span.GetTagItem("orchestration.runtime.operation"));
        Assert.Equal(Endpoint.ToString(), span.GetTagItem("orchestration.docker.endpoint"));
        Assert.Equal(1, span.GetTagItem("orchestration.docker.attempts"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Execute_EngineUnreachable_SpanFailsWithTheErrorTypeAfterEveryAttempt()
    {
        var spans = new List<Activity>();
        using var listener = Listen(spans);
        var policy = new DockerCallPolicy(Endpoint, new FakeTimeProvider(), TimeSpan.FromSeconds(30), 2, NullLogger.Instance) { BaseBackoff = TimeSpan.Zero };

        await Assert.ThrowsAsync<ContainerRuntimeException>(() => policy.ExecuteAsync<int>(
            "get engine info", _ => throw new HttpRequestException("Connection failed.", new SocketException((int)SocketError.ConnectionRefused)), CancellationToken.None));

        var span = Assert.Single(spans, s => s.DisplayName == "docker get engine info");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ContainerRuntimeException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(2, span.GetTagItem("orchestration.docker.attempts"));
    }

    private static ActivityListener Listen(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OrchestrationTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (stopped)
                {
                    stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
