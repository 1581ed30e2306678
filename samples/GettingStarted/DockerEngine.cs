using System.Net.Sockets;
using System.Text.Json;

namespace GettingStarted;

/// <summary>
/// The sample's own few calls to the Docker Engine API (the SDK keeps its Docker client internal): is an engine
/// there, kill a container as <c>docker kill</c> does, and count containers by label.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    private readonly HttpClient? _http;
    private readonly string? _unsupported;

    private DockerEngine(string endpoint, HttpClient? http, string? unsupported)
    {
        Endpoint = endpoint;
        _http = http;
        _unsupported = unsupported;
    }

    /// <summary>The endpoint tried: DOCKER_HOST, else the local socket (as the docker CLI resolves it).</summary>
    public string Endpoint { get; }

    public static DockerEngine Resolve()
    {
        var endpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "unix:///var/run/docker.sock";
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = endpoint["unix://".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                        return new NetworkStream(s, ownsSocket: true);
                    }
                    catch
                    {
                        s.Dispose();
                        throw;
                    }
                },
            };
            return new DockerEngine(endpoint, new HttpClient(handler) { BaseAddress = new Uri("http://docker/") }, null);
        }

        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal) || endpoint.StartsWith("http://", StringComparison.Ordinal))
        {
            var address = new Uri("http://" + endpoint[(endpoint.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/') + "/");
            return new DockerEngine(endpoint, new HttpClient { BaseAddress = address }, null);
        }

        return new DockerEngine(endpoint, null, $"this sample only probes unix:// and tcp:// endpoints, not {endpoint}");
    }

    /// <summary>Null when the engine answers <c>GET /_ping</c> within 3 seconds, else why not.</summary>
    public async Task<string?> WhyUnavailableAsync()
    {
        if (_http is null)
        {
            return _unsupported;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            using var response = await _http.GetAsync("_ping", timeout.Token);
            return response.IsSuccessStatusCode ? null : $"the Docker engine at {Endpoint} answered {(int)response.StatusCode} to a ping";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or SocketException)
        {
            return $"no Docker engine answers at {Endpoint} ({e.GetBaseException().Message})";
        }
    }

    /// <summary>Sends SIGKILL to a container from outside the SDK: <c>POST /containers/{id}/kill?signal=KILL</c>.</summary>
    public async Task KillAsync(string containerId)
    {
        using var response = await Http.PostAsync($"containers/{Uri.EscapeDataString(containerId)}/kill?signal=KILL", content: null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many containers, running or not, carry the label (as <c>docker ps -a --filter label=…</c>).</summary>
    public async Task<int> CountContainersAsync(string label)
    {
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] });
        var json = await Http.GetStringAsync("containers/json?all=1&filters=" + Uri.EscapeDataString(filters));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetArrayLength();
    }

    public void Dispose() => _http?.Dispose();

    private HttpClient Http => _http ?? throw new InvalidOperationException(_unsupported);
}
