using System.Globalization;
using System.Text;

namespace Orchestration.Sdk.Runtime.NodeAgents;

/// <summary>Formats a duration as Go's time.Duration.String does ("10s", "1m20s", "5m0s"), for Kubernetes' message texts.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = d < TimeSpan.Zero ? "-" : string.Empty;
        if (d < TimeSpan.Zero)
        {
            d = d.Negate();
        }

        if (d < TimeSpan.FromSeconds(1))
        {
            return sign + (d.Ticks % TimeSpan.TicksPerMillisecond == 0
                ? ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms"
                : (d.Ticks / 10m).ToString("0.###", CultureInfo.InvariantCulture) + "µs");
        }

        var sb = new StringBuilder(sign);
        var hours = (long)d.TotalHours;
        if (hours > 0)
        {
            sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || d.Minutes > 0)
        {
            sb.Append(d.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = d.Seconds + ((decimal)(d.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond);
        sb.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        return sb.ToString();
    }
}
