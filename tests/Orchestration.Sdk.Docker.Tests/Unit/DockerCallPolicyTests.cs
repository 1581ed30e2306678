using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker.Tests.Unit;

public sealed class DockerCallPolicyTests
{
    private static readonly Uri Endpoint = new("unix:///var/run/docker.sock");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Execute_TransientFailuresThenSuccess_RetriesWithDoublingBackoff()
    {
        var backoffs = 0;
        var policy = new DockerCallPolicy(Endpoint, _time, TimeSpan.FromSeconds(30), 3, NullLogger.Instance) { BackingOff = _ => Interlocked.Increment(ref backoffs) };
        var attempts = 0;
        var call = policy.ExecuteAsync("list containers", _ => ++attempts < 3 ? throw new HttpRequestException("reset") : Task.FromResult(42), CancellationToken.None);

        // Move the clock only once the backoff timer runs; an earlier advance would be lost.
        await WaitUntilAsync(() => attempts == 1 && Volatile.Read(ref backoffs) == 1);
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, attempts);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => attempts == 2 && Volatile.Read(ref backoffs) == 2);
        _time.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Equal(2, attempts);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(42, await call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Execute_EngineUnreachableEveryTime_ThrowsRuntimeUnavailableWithCauseAfterMaxAttempts()
    {
        var policy = new DockerCallPolicy(Endpoint, _time, TimeSpan.FromSeconds(30), 2, NullLogger.Instance) { BaseBackoff = TimeSpan.Zero };
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => policy.ExecuteAsync<int>(
            "get engine info",
            _ =>
            {
                attempts++;
                throw new HttpRequestException("Connection failed.", new SocketException((int)SocketError.ConnectionRefused));
            },
            CancellationToken.None));

        Assert.Equal(2, attempts);
        Assert.Equal("RuntimeUnavailable", error.Reason);
        Assert.StartsWith("Docker engine unreachable at unix:///var/run/docker.sock (get engine info after 2 attempts): Connection failed.", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Execute_CallHangs_TimesOutRetriesThenSurfacesTimeout()
    {
        var policy = new DockerCallPolicy(Endpoint, _time, TimeSpan.FromSeconds(5), 2, NullLogger.Instance) { BaseBackoff = TimeSpan.Zero };
        var attempts = 0;
        var call = policy.ExecuteAsync("start container", async ct =>
        {
            Interlocked.Increment(ref attempts);
            await Task.Delay(Timeout.Infinite, ct);
        }, CancellationToken.None, reason: "RunContainerError");

        await WaitUntilAsync(() => Volatile.Read(ref attempts) == 1);
        _time.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => Volatile.Read(ref attempts) == 2);
        _time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("RunContainerError", error.Reason);
        Assert.Contains("'start container' failed after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not complete within 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_PermanentEngineError_FailsAtOnceWithTheEngineMessage()
    {
        var policy = new DockerCallPolicy(Endpoint, _time, TimeSpan.FromSeconds(30), 3, NullLogger.Instance);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => policy.ExecuteAsync<int>(
            "create container",
            _ =>
            {
                attempts++;
                throw new DockerApiException(HttpStatusCode.BadRequest, """{"message":"invalid reference format"}""");
            },
            CancellationToken.None,
            reason: "CreateContainerError"));

        Assert.Equal(1, attempts);
        Assert.Equal("CreateContainerError", error.Reason);
        Assert.Equal("Docker engine call 'create container' failed at unix:///var/run/docker.sock: invalid reference format", error.Message);
    }

    [Fact]
    public async Task Execute_CallerCancels_PropagatesCancellationWithoutRetry()
    {
        var policy = new DockerCallPolicy(Endpoint, _time, TimeSpan.FromSeconds(30), 3, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => policy.ExecuteAsync("list containers", ct => Task.Delay(Timeout.Infinite, ct), cancel.Token));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
