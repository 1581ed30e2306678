using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Client;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Runtime.Streams;
using Orchestration.Sdk.Kubernetes.Hosting;
using Orchestration.Sdk.Kubernetes.Security;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// Runs the API: an inner Kestrel host (HTTPS only, certificate from the app's CA) whose one request delegate is the
/// <see cref="ApiDispatcher"/>. Started after the orchestrator by the application's host, stopped with it.
/// </summary>
internal sealed partial class KubernetesApiServer(
    IOptions<KubernetesApiOptions> options,
    IOptions<StoreOptions> storeOptions,
    IResourceClient resourceClient,
    KindRegistry kinds,
    IOrchestrationClient client,
    IPodStreams streams,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IHostEnvironment? environment = null) : IHostedService, IKubernetesApi, IAsyncDisposable
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger = loggerFactory.CreateLogger("Orchestration.Sdk.Kubernetes");
    private WebApplication? _app;
    private CertificateAuthority? _ca;

    public Uri? Address { get; private set; }

    public string? KubeconfigPath => options.Value.KubeconfigPath;

    public string ContextName { get; } = ContextNameOf(options.Value.ContextName ?? environment?.ApplicationName);

    public Task<Uri> WaitUntilListeningAsync(CancellationToken cancellationToken = default) => _listening.Task.WaitAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var adminToken = o.AdminToken ?? TokenAuthenticator.NewToken();
        var readOnlyToken = o.ReadOnlyToken ?? TokenAuthenticator.NewToken();
        var directory = o.CertificateDirectory ??
            (storeOptions.Value.PersistencePath is { } persisted ? Path.GetDirectoryName(Path.GetFullPath(persisted)) : null);
        _ca = CertificateAuthority.LoadOrCreate(directory, $"{ContextName}-ca", time);
        var address = IPAddress.Parse(o.ListenAddress);
        var certificate = _ca.IssueServerCertificate(address, time);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(KubernetesApiServer).Assembly.GetName().Name });
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();

        // Kestrel logs through the application's logging (an instance registration: the inner host does not dispose it).
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, o.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        var storage = new ApiStorage(resourceClient, kinds, time);
        var started = time.GetUtcNow();
        var resources = new ResourceHandler(storage, started);
        var dispatcher = new ApiDispatcher(
            new TokenAuthenticator(adminToken, readOnlyToken),
            resources,
            new WatchHandler(storage, resources, time),
            new ScaleHandler(storage),
            new PatchHandler(storage),
            new PodLogHandler(client, streams, time),
            new PodStreamHandler(client, streams, time),
            () => Address is { } a ? $"{a.Host}:{a.Port}" : string.Empty,
            _logger);
        app.UseWebSockets();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("[::]", "[::1]", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "[::1]" : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        Address = new Uri($"https://{host}:{port}");
        if (o.KubeconfigPath is { } path)
        {
            KubeconfigWriter.Write(path, ContextName, Address, _ca.CertificatePem, adminToken, readOnlyToken);
            ApiLog.KubeconfigWritten(_logger, path, ContextName);
        }

        ApiLog.Listening(_logger, Address);
        _listening.TrySetResult(Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _ca?.Dispose();
    }

    private static string ContextNameOf(string? name)
    {
        var cleaned = InvalidName().Replace((name ?? "orchestration").ToLowerInvariant(), "-").Trim('-');
        return cleaned.Length == 0 ? "orchestration" : cleaned;
    }

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex InvalidName();
}
