using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Events;

/// <summary>Registers the event pipeline; called by <c>AddOrchestration</c>. Configure it with <c>services.Configure&lt;EventOptions&gt;</c>.</summary>
internal static class EventServiceRegistration
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<EventBroadcaster>();
        services.TryAddSingleton<IEventRecorderFactory>(sp => sp.GetRequiredService<EventBroadcaster>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IEventRecorderFactory>().CreateRecorder(sp.GetRequiredService<IOptions<EventOptions>>().Value.Component));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, EventBroadcaster>(sp => sp.GetRequiredService<EventBroadcaster>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterComponent, EventTtlController>());
        return services;
    }
}
