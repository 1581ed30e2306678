namespace Orchestration.Sdk.Manifests.Compose;

/// <summary>The Compose specification's keys the SDK has no equivalent for: an error saying so, rather than "unknown field".</summary>
internal static class ComposeKeys
{
    /// <summary>Service keys of the Compose specification that are not mapped.</summary>
    public static readonly HashSet<string> UnsupportedServiceKeys = new(StringComparer.Ordinal)
    {
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
        "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime",
        "cpu_shares", "cpus", "cpuset", "credential_spec", "develop", "device_cgroup_rules", "devices", "dns",
        "dns_opt", "dns_search", "domainname", "extends", "external_links", "extra_hosts", "gpus", "group_add",
        "hostname", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
        "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
        "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "post_start", "pre_stop", "privileged",
        "profiles", "provider", "pull_policy", "read_only", "runtime", "security_opt", "shm_size", "stdin_open",
        "stop_signal", "storage_opt", "sysctls", "tty", "ulimits", "use_api_socket", "user", "userns_mode",
        "uts", "volumes_from",
    };

    /// <summary>Why a key is not mapped, when there is more to say than "no equivalent".</summary>
    public static string Why(string key) => key switch
    {
        "build" => "build has no equivalent: a Kubernetes manifest names an image; build and push it, then give image",
        "network_mode" or "networks" => "networks have no equivalent: every service of the app reaches every other by its name",
        "container_name" or "hostname" => $"{key} has no equivalent: pods are named after their service",
        "cpus" or "mem_limit" or "mem_reservation" => $"{key} is not read: use deploy.resources (limits and reservations)",
        "volumes_from" => "volumes_from has no equivalent: name the volumes the service mounts",
        _ => $"{key} has no equivalent in Orchestration.Sdk",
    };
}
