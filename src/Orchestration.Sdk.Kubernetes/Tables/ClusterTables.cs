using System.Globalization;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Kubernetes.Wire;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Networking;
using static Orchestration.Sdk.Kubernetes.Tables.KindTable;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>The Tables of services, endpoints, nodes, config maps, secrets, namespaces and events.</summary>
internal static class ClusterTables
{
    public static readonly KindTable Services = new(
        [Name, new("Type"), new("Cluster-IP"), new("External-IP"), new("Port(s)"), Age, new("Selector", Priority: 1)],
        (r, now) =>
        {
            var s = (Service)r;
            var ports = s.Spec.Ports.Count == 0 ? None : string.Join(",", s.Spec.Ports.Select(p => p.NodePort is { } np ? $"{I(p.Port)}:{I(np)}/{p.Protocol}" : $"{I(p.Port)}/{p.Protocol}"));
            return [s.Metadata.Name, s.Spec.Type.ToString(), s.Spec.ClusterIP ?? None, None, ports, AgeOf(s, now), Labels(s.Spec.Selector)];
        });

    public static readonly KindTable Endpoints = new(
        [Name, new("Endpoints"), Age],
        (r, now) =>
        {
            var e = (Endpoints)r;
            var all = e.Addresses.SelectMany(a => a.Ports.Count == 0 ? [a.IP] : a.Ports.Select(p => $"{a.IP}:{I(p.Port)}")).ToList();
            var text = all.Count == 0 ? None : all.Count <= 3 ? string.Join(",", all) : $"{string.Join(",", all.Take(3))} + {I(all.Count - 3)} more...";
            return [e.Metadata.Name, text, AgeOf(e, now)];
        });

    public static readonly KindTable Nodes = new(
        [Name, new("Status"), new("Roles"), Age, new("Version"), new("Internal-IP", Priority: 1), new("External-IP", Priority: 1), new("OS-Image", Priority: 1), new("Kernel-Version", Priority: 1), new("Container-Runtime", Priority: 1)],
        (r, now) =>
        {
            var n = (Node)r;
            var ready = n.Status.Conditions.Find(NodeConditionType.Ready);
            var status = ready is null ? "Unknown" : ready.IsTrue ? "Ready" : ready.Status == ConditionStatus.False ? "NotReady" : "Unknown";
            if (n.Spec.Unschedulable)
            {
                status += ",SchedulingDisabled";
            }

            return [n.Metadata.Name, status, None, AgeOf(n, now), NodeMapper.KubeletVersion, n.Status.Address ?? None, None, "Orchestration.Sdk", "<unknown>", "orchestration://1.0"];
        });

    public static readonly KindTable ConfigMaps = new(
        [Name, new("Data", "integer"), Age],
        (r, now) => [r.Metadata.Name, ((ConfigMap)r).Data.Count, AgeOf(r, now)]);

    public static readonly KindTable Secrets = new(
        [Name, new("Type"), new("Data", "integer"), Age],
        (r, now) => [r.Metadata.Name, ((Secret)r).Type, ((Secret)r).Data.Count, AgeOf(r, now)]);

    public static readonly KindTable Namespaces = new([Name, new("Status"), Age], (r, now) => [r.Metadata.Name, "Active", AgeOf(r, now)]);

    public static readonly KindTable Events = new(
        [new("Last Seen"), new("Type"), new("Reason"), new("Object"), new("Subobject", Priority: 1), new("Source", Priority: 1), new("Message"), new("First Seen", Priority: 1), new("Count", "integer", Priority: 1), new("Name", Priority: 1)],
        (r, now) =>
        {
            // As kube-apiserver's event printer: first seen falls back to eventTime, last seen to first seen.
            var e = (Event)r;
            var first = e.FirstTimestamp != default ? Since(e.FirstTimestamp, now) : e.EventTime is { } t ? Since(t, now) : "<unknown>";
            var last = e.LastTimestamp != default ? Since(e.LastTimestamp, now) : first;
            var target = e.InvolvedObject.Name.Length > 0 ? $"{e.InvolvedObject.Kind.ToLowerInvariant()}/{e.InvolvedObject.Name}" : e.InvolvedObject.Kind.ToLowerInvariant();
            return [last, e.Type, e.Reason, target, e.InvolvedObject.FieldPath ?? string.Empty, Source(e), e.Message.Trim(), first, Math.Max(e.Count, 1), e.Metadata.Name];
        });

    private static string Since(DateTimeOffset at, DateTimeOffset now) => HumanDuration.Format(now - at);

    private static string Source(Event e)
    {
        var (component, host) = e.Source.Component.Length > 0 ? (e.Source.Component, e.Source.Host) : (e.ReportingController, e.ReportingInstance);
        return string.IsNullOrEmpty(host) ? component : $"{component}, {host}";
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
