namespace Orchestration.Sdk.Docker.Metrics;

/// <summary>One reading of a container's cumulative CPU counters.</summary>
/// <param name="TotalUsageNanoseconds">CPU time the container's cgroup consumed since it started (<c>cpu_usage.total_usage</c>).</param>
/// <param name="ReadAt">When the engine read it (<c>read</c>/<c>preread</c>), or null when unknown.</param>
/// <param name="SystemUsageNanoseconds">The host's CPU time over all CPUs (<c>system_cpu_usage</c>), or null when unknown.</param>
/// <param name="OnlineCpus">The host's online CPUs (<c>online_cpus</c>), or null when unknown.</param>
internal sealed record CpuSample(ulong TotalUsageNanoseconds, DateTimeOffset? ReadAt, ulong? SystemUsageNanoseconds, uint? OnlineCpus);
