using Microsoft.Extensions.Logging;
using Orchestration.Sdk.Backoff;
using Orchestration.Sdk.Runtime;

namespace Orchestration.Sdk.Docker;

/// <summary>
/// Runs one engine call with a timeout, retries transient failures with exponential backoff (bounded), and turns
/// what still fails into a <see cref="ContainerRuntimeException"/> that names the call, the endpoint and the cause.
/// </summary>
internal sealed partial class DockerCallPolicy
{
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly TimeSpan _callTimeout;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;

    public DockerCallPolicy(Uri endpoint, TimeProvider time, TimeSpan callTimeout, int maxAttempts, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _endpoint = endpoint;
        _time = time;
        _callTimeout = callTimeout;
        _maxAttempts = Math.Max(1, maxAttempts);
        _logger = logger;
    }

    /// <summary>The first retry's delay; each further retry doubles it.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Called with each backoff delay once its timer is running (a hook for tests on a fake clock).</summary>
    internal Action<TimeSpan>? BackingOff { get; init; }

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Runs <paramref name="call"/>; see the generic overload.</summary>
    public async Task ExecuteAsync(
        string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        await ExecuteAsync<bool>(
            operation,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken,
            timeout,
            reason).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a timeout (<paramref name="timeout"/>, else the call timeout), retrying
    /// transient failures. A <see cref="ContainerRuntimeException"/> thrown by the call passes through unchanged;
    /// anything else that still fails is wrapped with <paramref name="reason"/> (connection failures: "RuntimeUnavailable").
    /// <paramref name="attempts"/>, when set, replaces the configured number of attempts.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(
        string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null, string? reason = null,
        int? attempts = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var activity = DockerActivities.StartCall(operation, _endpoint);
        try
        {
            return await RetryAsync(operation, call, activity, cancellationToken, timeout, reason, attempts).ConfigureAwait(false);
        }
        catch (Exception e) when (activity is not null)
        {
            DockerActivities.Fail(activity, e);
            throw;
        }
    }

    private async Task<T> RetryAsync<T>(
        string operation, Func<CancellationToken, Task<T>> call, System.Diagnostics.Activity? activity, CancellationToken cancellationToken, TimeSpan? timeout, string? reason, int? attempts)
    {
        var limit = timeout ?? _callTimeout;
        var maxAttempts = Math.Max(1, attempts ?? _maxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            activity?.SetTag(DockerActivities.AttemptsTag, attempt);
            using var timeoutSource = new CancellationTokenSource(limit, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            Exception failure;
            try
            {
                return await call(linked.Token).ConfigureAwait(false);
            }
            catch (ContainerRuntimeException)
            {
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException e) when (timeoutSource.IsCancellationRequested)
            {
                failure = new TimeoutException($"the call did not complete within {limit.TotalSeconds:0.###} s", e);
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (attempt >= maxAttempts || !DockerErrors.IsTransient(failure))
            {
                throw Wrap(operation, failure, attempt, reason);
            }

            var delay = new ExponentialBackoff(BaseBackoff, TimeSpan.MaxValue).Delay(attempt); // bounded by the attempts
            LogRetry(operation, attempt, maxAttempts, delay.TotalMilliseconds, DockerErrors.Describe(failure));
            var backoff = Task.Delay(delay, _time, cancellationToken);
            BackingOff?.Invoke(delay); // the backoff timer exists now, so a test may move its clock
            await backoff.ConfigureAwait(false);
        }
    }

    private ContainerRuntimeException Wrap(string operation, Exception failure, int attempts, string? reason)
    {
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        if (DockerErrors.IsConnectionFailure(failure))
        {
            return new ContainerRuntimeException(
                $"Docker engine unreachable at {_endpoint} ({operation}{tries}): {DockerErrors.Describe(failure)}", failure)
            {
                Reason = "RuntimeUnavailable",
            };
        }

        return new ContainerRuntimeException(
            $"Docker engine call '{operation}' failed{tries} at {_endpoint}: {DockerErrors.Describe(failure)}", failure)
        {
            Reason = reason ?? "RuntimeError",
        };
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Docker call '{Operation}' failed (attempt {Attempt} of {MaxAttempts}), retrying in {DelayMs} ms: {Error}")]
    private partial void LogRetry(string operation, int attempt, int maxAttempts, double delayMs, string error);
}
