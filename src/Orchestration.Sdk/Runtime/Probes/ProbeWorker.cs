using System.Globalization;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Runtime.NodeAgents;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// Probes one container instance with one of its probes, as the kubelet's probe worker: at once, then every period on
/// the agent's clock; skips until the initial delay has passed since the container started (and, for liveness and
/// readiness, until the startup probe passed); reports a result once it repeated the threshold's number of times.
/// A failed liveness or startup probe ends the worker: the instance is killed and the next one gets new workers.
/// </summary>
internal sealed class ProbeWorker : IDisposable
{
    private readonly ProbeManager _manager;
    private readonly ContainerProbes _target;
    private readonly Probe _probe;
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _stopToken;
    private bool? _lastResult;
    private int _resultRun;

    public ProbeWorker(ProbeManager manager, ContainerProbes target, ProbeKind kind, Probe probe, CancellationToken stopping)
    {
        _manager = manager;
        _target = target;
        Kind = kind;
        _probe = probe;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _stopToken = _stop.Token;

        // Created here, on the sync that saw the container running, so the timer exists once the status is written.
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds)), manager.Agent.Time);
    }

    public ProbeKind Kind { get; }

    public void Start()
    {
        _ = Task.Run(() => RunAsync(_stopToken), CancellationToken.None);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _timer.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            do
            {
                if (!await ProbeOnceAsync(ct).ConfigureAwait(false))
                {
                    return;
                }
            }
            while (await _timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One period: false when the worker should stop.</summary>
    private async Task<bool> ProbeOnceAsync(CancellationToken ct)
    {
        var started = _manager.IsStarted(_target);
        if ((Kind == ProbeKind.Startup && started) || (Kind != ProbeKind.Startup && !started))
        {
            return true;
        }

        var sinceStart = _manager.Agent.Time.GetUtcNow() - _target.StartedAt;
        if ((int)sinceStart.TotalSeconds < _probe.InitialDelaySeconds)
        {
            return true;
        }

        var result = await RunProbeAsync(ct).ConfigureAwait(false);
        if (!result.Succeeded && _manager.Agent.Store.Get<Pod>(_target.PodKey) is { } pod && pod.Metadata.Uid == _target.Uid)
        {
            _manager.Agent.Events.Unhealthy(pod, _target.Spec, Kind.ToString(), result.Output); // every failure, as the kubelet's prober
        }

        if (_lastResult == result.Succeeded)
        {
            _resultRun++;
        }
        else
        {
            _lastResult = result.Succeeded;
            _resultRun = 1;
        }

        if ((!result.Succeeded && _resultRun < _probe.FailureThreshold) || (result.Succeeded && _resultRun < _probe.SuccessThreshold))
        {
            return true;
        }

        return _manager.Report(_target, Kind, result);
    }

    private async Task<ProbeResult> RunProbeAsync(CancellationToken ct)
    {
        var agent = _manager.Agent;
        if (ProbePorts.Resolve(_probe, _target.Spec) is not { } probe)
        {
            return ProbeResult.Failure("the probe's named port is not declared by the container");
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, _probe.TimeoutSeconds));
        using var deadline = new CancellationTokenSource(timeout, agent.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return agent.Runtime is IProbeRunner runner && runner.Runs(probe)
                ? await runner.ProbeAsync(_target.ContainerId, probe, Kind, linked.Token).ConfigureAwait(false)
                : await NetworkProber.ProbeAsync(agent.Runtime, _target.PodIP, probe, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The kubelet's wording for an exec probe that outlived its timeout (the CRI's ExecSync deadline).
            return ProbeResult.Failure(probe.Exec is { } exec
                ? $"command \"{string.Join(' ', exec.Command)}\" timed out"
                : $"probe timed out after {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");
        }
        catch (ContainerRuntimeException ex)
        {
            return ProbeResult.Failure(ex.Message);
        }
    }
}
