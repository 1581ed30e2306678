namespace Orchestration.Sdk.Docker.Tests.Unit.Metrics;

/// <summary>Answers of the engine's stats API (<c>GET /containers/{id}/stats?stream=false</c>), the arithmetic's golden inputs.</summary>
internal static class DockerStatsRecordings
{
    /// <summary>
    /// Recorded on Docker 20.10 with cgroup v1, 2 CPUs: a busybox container burning one core after writing ~45 MB to
    /// /tmp (page cache, so total_inactive_file is large). The engine's two samples are ~1 s apart.
    /// </summary>
    public const string CgroupV1 = """
        {
          "read": "2026-11-24T21:10:43.882050005Z",
          "preread": "2026-11-24T21:10:42.876166068Z",
          "pids_stats": {
            "current": 1
          },
          "blkio_stats": {
            "io_service_bytes_recursive": [],
            "io_serviced_recursive": [],
            "io_queue_recursive": [],
            "io_service_time_recursive": [],
            "io_wait_time_recursive": [],
            "io_merged_recursive": [],
            "io_time_recursive": [],
            "sectors_recursive": []
          },
          "num_procs": 0,
          "storage_stats": {},
          "cpu_stats": {
            "cpu_usage": {
              "total_usage": 5047575799,
              "percpu_usage": [
                771701490,
                4275874309
              ],
              "usage_in_kernelmode": 30000000,
              "usage_in_usermode": 5010000000
            },
            "system_cpu_usage": 16786920000000,
            "online_cpus": 2,
            "throttling_data": {
              "periods": 0,
              "throttled_periods": 0,
              "throttled_time": 0
            }
          },
          "precpu_stats": {
            "cpu_usage": {
              "total_usage": 4045473671,
              "percpu_usage": [
                771701490,
                3273772181
              ],
              "usage_in_kernelmode": 30000000,
              "usage_in_usermode": 4000000000
            },
            "system_cpu_usage": 16784910000000,
            "online_cpus": 2,
            "throttling_data": {
              "periods": 0,
              "throttled_periods": 0,
              "throttled_time": 0
            }
          },
          "memory_stats": {
            "usage": 47603712,
            "max_usage": 47931392,
            "stats": {
              "active_anon": 0,
              "active_file": 32768,
              "cache": 45789184,
              "dirty": 45785088,
              "hierarchical_memory_limit": 9223372036854771712,
              "hierarchical_memsw_limit": 9223372036854771712,
              "inactive_anon": 57344,
              "inactive_file": 45756416,
              "mapped_file": 0,
              "pgfault": 1253,
              "pgmajfault": 0,
              "pgpgin": 6811,
              "pgpgout": 856,
              "rss": 57344,
              "rss_huge": 0,
              "total_active_anon": 0,
              "total_active_file": 32768,
              "total_cache": 45789184,
              "total_dirty": 45785088,
              "total_inactive_anon": 57344,
              "total_inactive_file": 45756416,
              "total_mapped_file": 0,
              "total_pgfault": 1253,
              "total_pgmajfault": 0,
              "total_pgpgin": 6811,
              "total_pgpgout": 856,
              "total_rss": 57344,
              "total_rss_huge": 0,
              "total_unevictable": 0,
              "total_writeback": 0,
              "unevictable": 0,
              "writeback": 0
            },
            "limit": 25276510208
          },
          "name": "/statsprobe-x2",
          "id": "7a7fb9a79b39d9ae17b39b46cb48e74d301148eefb17bdfcee3a4d55c50d6522",
          "networks": {
            "eth0": {
              "rx_bytes": 806,
              "rx_packets": 9,
              "rx_errors": 0,
              "rx_dropped": 0,
              "tx_bytes": 0,
              "tx_packets": 0,
              "tx_errors": 0,
              "tx_dropped": 0
            }
          }
        }
        """;

    /// <summary>
    /// The shape of a cgroup v2 engine's answer (Docker 24+ on a unified hierarchy): no percpu_usage, memory.stat
    /// keys without total_ (anon, file, inactive_file …). Values are written so the results are round: 0.25 cores
    /// over exactly 1.004 s, and 50 MiB usage minus 20 MiB inactive file = 30 MiB working set.
    /// </summary>
    public const string CgroupV2 = """
        {
          "read": "2026-11-24T21:20:15.512345678Z",
          "preread": "2026-11-24T21:20:14.508345678Z",
          "pids_stats": { "current": 3, "limit": 18446744073709551615 },
          "blkio_stats": { "io_service_bytes_recursive": [ { "major": 8, "minor": 0, "op": "read", "value": 1351680 }, { "major": 8, "minor": 0, "op": "write", "value": 20971520 } ] },
          "num_procs": 0,
          "storage_stats": {},
          "cpu_stats": {
            "cpu_usage": { "total_usage": 9815042000, "usage_in_kernelmode": 401230000, "usage_in_usermode": 9413812000 },
            "system_cpu_usage": 412760300000000,
            "online_cpus": 4,
            "throttling_data": { "periods": 0, "throttled_periods": 0, "throttled_time": 0 }
          },
          "precpu_stats": {
            "cpu_usage": { "total_usage": 9564042000, "usage_in_kernelmode": 400230000, "usage_in_usermode": 9163812000 },
            "system_cpu_usage": 412756284000000,
            "online_cpus": 4,
            "throttling_data": { "periods": 0, "throttled_periods": 0, "throttled_time": 0 }
          },
          "memory_stats": {
            "usage": 52428800,
            "stats": {
              "active_anon": 8192,
              "active_file": 4194304,
              "anon": 27262976,
              "anon_thp": 0,
              "file": 25165824,
              "file_dirty": 0,
              "file_mapped": 1056768,
              "file_writeback": 0,
              "inactive_anon": 27254784,
              "inactive_file": 20971520,
              "kernel_stack": 49152,
              "pgactivate": 0,
              "pgdeactivate": 0,
              "pgfault": 9207,
              "pglazyfree": 0,
              "pglazyfreed": 0,
              "pgmajfault": 12,
              "pgrefill": 0,
              "pgscan": 0,
              "pgsteal": 0,
              "shmem": 0,
              "slab": 151552,
              "slab_reclaimable": 65536,
              "slab_unreclaimable": 86016,
              "sock": 0,
              "thp_collapse_alloc": 0,
              "thp_fault_alloc": 0,
              "unevictable": 0,
              "workingset_activate": 0,
              "workingset_nodereclaim": 0,
              "workingset_refault": 0
            },
            "limit": 8241004544
          },
          "name": "/api-7c9f-worker",
          "id": "5f1c2d0a9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a",
          "networks": { "eth0": { "rx_bytes": 1296, "rx_packets": 16, "rx_errors": 0, "rx_dropped": 0, "tx_bytes": 0, "tx_packets": 0, "tx_errors": 0, "tx_dropped": 0 } }
        }
        """;

    /// <summary>Recorded on Docker 20.10 with one-shot=true: no previous sample (zeros, the zero time).</summary>
    public const string OneShot = """
        {
          "read": "2026-11-24T21:08:07.101331868Z",
          "preread": "0001-01-01T00:00:00Z",
          "pids_stats": {
            "current": 1
          },
          "blkio_stats": {
            "io_service_bytes_recursive": [],
            "io_serviced_recursive": [],
            "io_queue_recursive": [],
            "io_service_time_recursive": [],
            "io_wait_time_recursive": [],
            "io_merged_recursive": [],
            "io_time_recursive": [],
            "sectors_recursive": []
          },
          "num_procs": 0,
          "storage_stats": {},
          "cpu_stats": {
            "cpu_usage": {
              "total_usage": 2126867029,
              "percpu_usage": [
                1454222311,
                672644718
              ],
              "usage_in_kernelmode": 30000000,
              "usage_in_usermode": 2090000000
            },
            "system_cpu_usage": 16480130000000,
            "online_cpus": 2,
            "throttling_data": {
              "periods": 43,
              "throttled_periods": 40,
              "throttled_time": 1666861801
            }
          },
          "precpu_stats": {
            "cpu_usage": {
              "total_usage": 0,
              "usage_in_kernelmode": 0,
              "usage_in_usermode": 0
            },
            "throttling_data": {
              "periods": 0,
              "throttled_periods": 0,
              "throttled_time": 0
            }
          },
          "memory_stats": {
            "usage": 1437696,
            "max_usage": 3821568,
            "stats": {
              "active_anon": 4096,
              "active_file": 921600,
              "cache": 921600,
              "dirty": 0,
              "hierarchical_memory_limit": 9223372036854771712,
              "hierarchical_memsw_limit": 9223372036854771712,
              "inactive_anon": 53248,
              "inactive_file": 0,
              "mapped_file": 708608,
              "pgfault": 1031,
              "pgmajfault": 3,
              "pgpgin": 973,
              "pgpgout": 734,
              "rss": 57344,
              "rss_huge": 0,
              "total_active_anon": 4096,
              "total_active_file": 921600,
              "total_cache": 921600,
              "total_dirty": 0,
              "total_inactive_anon": 53248,
              "total_inactive_file": 0,
              "total_mapped_file": 708608,
              "total_pgfault": 1031,
              "total_pgmajfault": 3,
              "total_pgpgin": 973,
              "total_pgpgout": 734,
              "total_rss": 57344,
              "total_rss_huge": 0,
              "total_unevictable": 0,
              "total_writeback": 0,
              "unevictable": 0,
              "writeback": 0
            },
            "limit": 25276510208
          },
          "name": "/statsprobe-x1",
          "id": "3221f2108a9000dbf8d88bd17fe2a224153412be4c06b950698649cb6cb59f4f",
          "networks": {
            "eth0": {
              "rx_bytes": 736,
              "rx_packets": 8,
              "rx_errors": 0,
              "rx_dropped": 0,
              "tx_bytes": 0,
              "tx_packets": 0,
              "tx_errors": 0,
              "tx_dropped": 0
            }
          }
        }
        """;
}
