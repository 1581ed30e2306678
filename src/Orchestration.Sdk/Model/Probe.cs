namespace Orchestration.Sdk.Model;

/// <summary>
/// A health check of a container, as Kubernetes' Probe: exactly one handler (<see cref="HttpGet"/>, <see cref="TcpSocket"/>
/// or <see cref="Exec"/>) run by the node agent every <see cref="PeriodSeconds"/>, with Kubernetes' defaults.
/// </summary>
public sealed record Probe
{
    /// <summary>An HTTP GET whose status 200–399 is a success. <value>The default value is null.</value></summary>
    public HttpGetAction? HttpGet { get; init; }

    /// <summary>A TCP connection that opens is a success. <value>The default value is null.</value></summary>
    public TcpSocketAction? TcpSocket { get; init; }

    /// <summary>A command run in the container; exit code 0 is a success. <value>The default value is null.</value></summary>
    public ExecAction? Exec { get; init; }

    /// <summary>Seconds after the container started before the first probe. <value>The default value is 0.</value></summary>
    public int InitialDelaySeconds { get; init; }

    /// <summary>Seconds between probes. <value>The default value is 10.</value></summary>
    public int PeriodSeconds { get; init; } = 10;

    /// <summary>Seconds after which a probe that has not answered fails. <value>The default value is 1.</value></summary>
    public int TimeoutSeconds { get; init; } = 1;

    /// <summary>Consecutive successes after a failure to count as passing; must be 1 for liveness and startup probes. <value>The default value is 1.</value></summary>
    public int SuccessThreshold { get; init; } = 1;

    /// <summary>Consecutive failures to count as failing. <value>The default value is 3.</value></summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>An HTTP GET probe of <paramref name="path"/> on a port number, with the default timing.</summary>
    /// <param name="path">The path, for example "/healthz".</param>
    /// <param name="port">A port the container declares.</param>
    /// <returns>The probe; adjust timing with <c>with { PeriodSeconds = 5 }</c>.</returns>
    public static Probe ForHttpGet(string path, int port) => new() { HttpGet = new HttpGetAction { Path = path, Port = port } };

    /// <summary>An HTTP GET probe of <paramref name="path"/> on a named port, with the default timing.</summary>
    /// <param name="path">The path, for example "/healthz".</param>
    /// <param name="portName">The name of a port the container declares.</param>
    /// <returns>The probe.</returns>
    public static Probe ForHttpGet(string path, string portName) => new() { HttpGet = new HttpGetAction { Path = path, PortName = portName } };

    /// <summary>A TCP probe of a port number, with the default timing.</summary>
    /// <param name="port">A port the container declares.</param>
    /// <returns>The probe.</returns>
    public static Probe ForTcpSocket(int port) => new() { TcpSocket = new TcpSocketAction { Port = port } };

    /// <summary>A TCP probe of a named port, with the default timing.</summary>
    /// <param name="portName">The name of a port the container declares.</param>
    /// <returns>The probe.</returns>
    public static Probe ForTcpSocket(string portName) => new() { TcpSocket = new TcpSocketAction { PortName = portName } };

    /// <summary>An exec probe, with the default timing.</summary>
    /// <param name="command">The command and its arguments, run in the container without a shell.</param>
    /// <returns>The probe.</returns>
    public static Probe ForExec(params string[] command) => new() { Exec = new ExecAction { Command = [.. command] } };
}
