using System.Globalization;
using System.Net.Sockets;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Runtime.Probes;

/// <summary>
/// Runs HTTP GET and TCP probes from the agent to the pod's address, as the kubelet does, for runtimes that do not
/// implement <see cref="IProbeRunner"/> or do not run those (<see cref="IProbeRunner.Runs"/>). Exec probes need the
/// runtime and fail here.
/// </summary>
internal static class NetworkProber
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan, // the caller's token carries the probe's timeout
    };

    public static async Task<ProbeResult> ProbeAsync(IContainerRuntime runtime, string? podIp, Probe probe, CancellationToken ct)
    {
        if (probe.HttpGet is { } http)
        {
            var host = http.Host ?? podIp;
            if (host is null)
            {
                return ProbeResult.Failure("the pod has no address yet");
            }

            var path = http.Path.StartsWith('/') ? http.Path : "/" + http.Path;
            var uri = new Uri($"{http.Scheme.ToLowerInvariant()}://{host}:{http.Port?.ToString(CultureInfo.InvariantCulture)}{path}");
            try
            {
                using var response = await Client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                var code = (int)response.StatusCode;
                return code is >= 200 and < 400
                    ? ProbeResult.Success
                    : ProbeResult.Failure($"HTTP probe failed with statuscode: {code.ToString(CultureInfo.InvariantCulture)}");
            }
            catch (HttpRequestException ex)
            {
                return ProbeResult.Failure($"Get \"{uri}\": {ex.Message}");
            }
        }

        if (probe.TcpSocket is { } tcp)
        {
            var host = tcp.Host ?? podIp;
            if (host is null)
            {
                return ProbeResult.Failure("the pod has no address yet");
            }

            try
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(host, tcp.Port ?? 0, ct).ConfigureAwait(false);
                return ProbeResult.Success;
            }
            catch (SocketException ex)
            {
                return ProbeResult.Failure($"dial tcp {host}:{tcp.Port?.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
            }
        }

        return ProbeResult.Failure($"exec probes are not supported by the {runtime.RuntimeName} runtime");
    }
}
