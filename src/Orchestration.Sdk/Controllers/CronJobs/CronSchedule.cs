using Cronos;

namespace Orchestration.Sdk.Controllers.CronJobs;

/// <summary>A CronJob's schedule in its time zone, parsed by Cronos; the run times between two instants.</summary>
internal sealed class CronSchedule
{
    /// <summary>More missed runs than this is reported (TooManyMissedTimes), as Kubernetes' CronJob controller.</summary>
    public const int MaxMissed = 100;

    private static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(367 * 5)];

    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>Parses a schedule; the error says why it cannot (Kubernetes refuses TZ= prefixes: the timeZone field says it).</summary>
    public static CronSchedule? TryParse(string? schedule, string? timeZone, TimeZoneInfo localZone, out string? error)
    {
        TimeZoneInfo? zone = null;
        error = ScheduleError(schedule) ?? TimeZoneError(timeZone, out zone);
        return error is null ? new CronSchedule(CronExpression.Parse(schedule!.Trim(), CronFormat.Standard), zone ?? localZone) : null;
    }

    /// <summary>Why a schedule is invalid, or null.</summary>
    public static string? ScheduleError(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return "empty spec string";
        }

        if (schedule.Contains("TZ", StringComparison.Ordinal))
        {
            return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
        }

        // Five fields or a macro, as Kubernetes' parser (robfig/cron) words it; Cronos reports the rest.
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!fields[0].StartsWith('@') && fields.Length != 5)
        {
            return $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
        }

        try
        {
            CronExpression.Parse(schedule.Trim(), CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Why a time zone name is invalid, or null (a null name is the local zone).</summary>
    public static string? TimeZoneError(string? timeZone, out TimeZoneInfo? zone)
    {
        zone = null;
        if (timeZone is null)
        {
            return null;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            return null;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return $"unknown time zone {timeZone}";
        }
    }

    /// <summary>The first run time after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, _zone);

    /// <summary>
    /// The latest run time in (<paramref name="earliest"/>, <paramref name="now"/>] and how many there are (counted up
    /// to <see cref="MaxMissed"/> + 1), as the controller's mostRecentScheduleTime.
    /// </summary>
    public (DateTimeOffset? Latest, int Count) MostRecent(DateTimeOffset earliest, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        var count = 0;
        foreach (var t in _expression.GetOccurrences(earliest, now, _zone, fromInclusive: false, toInclusive: true))
        {
            latest = t;
            if (++count > MaxMissed)
            {
                break;
            }
        }

        if (count <= MaxMissed)
        {
            return (latest, count);
        }

        // Too many to walk: the latest is in the smallest window before now that holds one.
        foreach (var window in Windows)
        {
            var from = now - window > earliest ? now - window : earliest;
            var last = _expression.GetOccurrences(from, now, _zone, fromInclusive: false, toInclusive: true).LastOrDefault();
            if (last != default)
            {
                return (last, count);
            }
        }

        return (latest, count);
    }
}
