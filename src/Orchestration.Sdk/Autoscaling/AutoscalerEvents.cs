using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Autoscaling;

/// <summary>
/// The recent decisions of every autoscaler, newest last (the store has no Event kind yet). Resolve it from the
/// service provider to show or assert what the autoscalers did and why.
/// </summary>
public sealed class AutoscalerEvents
{
    private readonly Lock _lock = new();
    private readonly Queue<AutoscalerEvent> _events = new();
    private readonly int _capacity;

    /// <summary>Creates the list.</summary>
    /// <param name="options">The capacity comes from <see cref="AutoscalerOptions.EventCapacity"/>.</param>
    public AutoscalerEvents(IOptions<AutoscalerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = Math.Max(1, options.Value.EventCapacity);
    }

    /// <summary>A snapshot of the recorded events, oldest first.</summary>
    /// <param name="autoscaler">Only this autoscaler's events. <value>The default value is null (all).</value></param>
    public IReadOnlyList<AutoscalerEvent> List(string? autoscaler = null)
    {
        lock (_lock)
        {
            return _events.Where(e => autoscaler is null || e.Autoscaler == autoscaler).ToList();
        }
    }

    internal void Record(AutoscalerEvent e)
    {
        lock (_lock)
        {
            _events.Enqueue(e);
            while (_events.Count > _capacity)
            {
                _events.Dequeue();
            }
        }
    }
}
