using System.Globalization;

namespace Orchestration.Sdk.Kubernetes.Tables;

/// <summary>Ages as kubectl prints them ("45s", "3m20s", "5h", "12d"), with the same steps as Kubernetes' duration.HumanDuration.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }

        var seconds = (long)d.TotalSeconds;
        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return $"{I(seconds)}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? $"{I(minutes)}m" : $"{I(minutes)}m{I(s)}s";
        }

        if (minutes < 60 * 3)
        {
            return $"{I(minutes)}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? $"{I(hours)}h" : $"{I(hours)}h{I(m)}m";
        }

        if (hours < 48)
        {
            return $"{I(hours)}h";
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? $"{I(hours / 24)}d" : $"{I(hours / 24)}d{I(h)}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{I(hours / 24)}d";
        }

        var days = hours / 24;
        return days % 365 == 0 ? $"{I(days / 365)}y" : $"{I(days / 365)}y{I(days % 365)}d";
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
