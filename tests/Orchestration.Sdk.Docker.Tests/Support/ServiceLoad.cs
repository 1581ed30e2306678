using System.Collections.Concurrent;

namespace Orchestration.Sdk.Docker.Tests.Support;

/// <summary>Sends HTTP GETs one after another through a URL (the service proxy) and records every answer or failure.</summary>
internal sealed class ServiceLoad
{
    private readonly ConcurrentQueue<string> _answers = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<(TimeSpan Start, TimeSpan End)> _failedSpans = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Time since this load was created (the clock of <see cref="FailedSpans"/>).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When each failed request started and ended, on <see cref="Elapsed"/>'s clock.</summary>
    public IReadOnlyCollection<(TimeSpan Start, TimeSpan End)> FailedSpans => _failedSpans;

    public IReadOnlyCollection<string> Answers => _answers;

    public IReadOnlyCollection<string> Failures => _failures;

    public int Sent => _answers.Count + _failures.Count;

    /// <summary>A client that opens a new connection per request (as a browser behind a proxy would not, but busybox httpd closes each).</summary>
    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

    public async Task SendAsync(HttpClient http, string url, Func<bool> keepGoing, Func<int, Task>? afterEach = null)
    {
        var i = 0;
        while (keepGoing())
        {
            var start = _clock.Elapsed;
            try
            {
                _answers.Enqueue((await http.GetStringAsync(url)).Trim());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _failures.Enqueue($"request {i}: {e.Message}");
                _failedSpans.Enqueue((start, _clock.Elapsed));
            }

            i++;
            if (afterEach is not null)
            {
                await afterEach(i);
            }
        }
    }

    /// <summary>Polls a URL until it answers (the listener and a ready endpoint exist), bounded.</summary>
    public static async Task<string> WaitForAnswerAsync(HttpClient http, string url, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        Exception? last = null;
        while (!limit.IsCancellationRequested)
        {
            try
            {
                return await http.GetStringAsync(url, limit.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
                await Task.Delay(100, CancellationToken.None);
            }
        }

        throw new TimeoutException($"{url} never answered: {last?.Message}");
    }
}
