using System.Collections.Concurrent;
using System.Diagnostics;

namespace Orchestration.Sdk.Benchmarks.Docker;

/// <summary>Result of a load run: successes, failures and latencies.</summary>
internal sealed record LoadResult(int Succeeded, int Failed, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyList<string> Answers, IReadOnlyList<string> Errors)
{
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    public static LoadResult Combine(IReadOnlyList<LoadResult> slices) => new(
        slices.Sum(s => s.Succeeded),
        slices.Sum(s => s.Failed),
        TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)),
        [.. slices.SelectMany(s => s.LatenciesMs)],
        [.. slices.SelectMany(s => s.Answers)],
        [.. slices.SelectMany(s => s.Errors)]);

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>
/// Closed-loop HTTP load: <c>concurrency</c> workers each send GET after GET on a new connection (busybox httpd closes
/// every connection anyway) until stopped, recording each latency, answer and failure.
/// </summary>
internal static class HttpLoad
{
    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = 1024 })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

    public static async Task<LoadResult> RunAsync(HttpClient http, string url, int concurrency, CancellationToken stop, bool keepAnswers = false)
    {
        var latencies = new ConcurrentBag<double>();
        var answers = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var body = await http.GetStringAsync(url, CancellationToken.None);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (keepAnswers)
                    {
                        answers.Enqueue(body.Trim());
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    errors.Enqueue(e.Message);
                }
            }
        }, CancellationToken.None)));
        return new LoadResult(latencies.Count, failed, clock.Elapsed, [.. latencies], [.. answers], [.. errors]);
    }

    /// <summary>Polls until the URL answers, bounded.</summary>
    public static async Task WaitForAnswerAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await http.GetStringAsync(url, limit.Token);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, limit.Token);
            }
        }
    }
}
